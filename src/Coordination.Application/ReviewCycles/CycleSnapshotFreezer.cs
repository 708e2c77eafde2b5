using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// When a cycle closes, freezes one row per assignment of the forum (cancelled ones excepted): its official status and
/// percent, its flags on the forum's day of closing, and whether it was reported for the cycle on time or late.
/// Written in the transaction that closes the cycle, by hand or by the job alike.
/// </summary>
public sealed class CycleSnapshotFreezer(ICoordinationDbContext db) : IDomainEventHandler<ReviewCycleClosed>
{
    public async Task HandleAsync(ReviewCycleClosed domainEvent, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.FindAsync([domainEvent.ReviewCycleId], cancellationToken)
            ?? throw new InvalidOperationException($"Review cycle {domainEvent.ReviewCycleId} closed but is not tracked.");
        if (await db.CycleSnapshots.AnyAsync(s => s.ReviewCycleId == cycle.Id, cancellationToken))
            return;
        var forum = await db.Forums.FindAsync([cycle.ForumId], cancellationToken)
            ?? throw new InvalidOperationException($"Forum {cycle.ForumId} is missing.");
        var zone = forum.Zone();
        var takenAt = cycle.ClosedAt ?? throw new InvalidOperationException("A closed cycle has its closing time.");
        var today = ForumCalendar.DayOf(takenAt, zone).DayNumber;

        var statuses = await db.AssignmentStatuses.AsNoTracking()
            .Where(s => s.ForumId == cycle.ForumId && s.Status != AssignmentStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var reports = await CycleReports.ReadAsync(db, cycle, zone, cancellationToken);

        foreach (var s in statuses)
        {
            var reported = reports.GetValueOrDefault(s.AssignmentId);
            db.CycleSnapshots.Add(CycleSnapshot.Take(
                cycle.Id, s.AssignmentId, s.ForumId, s.ActionPointId, s.ConclusionId, s.OrganizationId, s.OrganizationKind,
                s.CountryCode, s.Status, s.PercentComplete,
                AssignmentFlags.IsOverdue(s.Status, s.DueDay, today),
                AssignmentFlags.IsAtRisk(s.Status, s.PercentComplete, s.StartDay, s.DueDay, today),
                reported == CycleReport.OnTime, reported == CycleReport.Late, takenAt));
        }
    }
}

public enum CycleReport
{
    Missing,
    OnTime,
    Late,
}

public static class CycleReports
{
    /// <summary>
    /// Per assignment reported for the cycle: on time when its first update for the cycle was submitted by the end of
    /// the deadline day in the forum's time zone, else late. Every submitted update counts, returned ones too: the
    /// organization did report.
    /// </summary>
    public static async Task<Dictionary<Guid, CycleReport>> ReadAsync(
        ICoordinationDbContext db, ReviewCycle cycle, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var deadlineEnds = ForumCalendar.EndOfDayUtc(cycle.SubmissionDeadline, zone);
        var submissions = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.ReviewCycleId == cycle.Id)
            .Select(u => new { u.AssignmentId, u.SubmittedAt })
            .ToListAsync(cancellationToken);
        return submissions
            .GroupBy(u => u.AssignmentId)
            .ToDictionary(g => g.Key, g => g.Min(u => u.SubmittedAt) < deadlineEnds ? CycleReport.OnTime : CycleReport.Late);
    }
}
