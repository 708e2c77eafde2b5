using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports.Pages;

/// <summary>
/// Reporting compliance across a forum's review cycles: per organization and cycle, how many of its expected
/// assignments were reported on time, late, or not at all — counted in the database, and counted the way the cycle's
/// own compliance is. A closed cycle is read from its frozen snapshot, so its figures never change once it has closed;
/// an open cycle is counted from the live data, so far: who has not reported yet is "not yet", not missing.
/// </summary>
public sealed record GetComplianceMatrixQuery(ReportFilter Filter) : IReportQuery, IQuery<ComplianceMatrixDto>, IAllowAnonymous;

/// <param name="Cycles">The closed cycles and the open ones, by deadline, oldest first.</param>
public sealed record ComplianceMatrixDto(Guid ForumId, IReadOnlyList<ComplianceCycleDto> Cycles, IReadOnlyList<ComplianceRowDto> Organizations);

/// <param name="InProgress">The cycle is open: its figures are those so far, from the live data.</param>
public sealed record ComplianceCycleDto(Guid ReviewCycleId, string Name, DateOnly SubmissionDeadline, DateTime? ClosedAt, bool InProgress);

/// <param name="Cells">One per cycle, in the cycles' order; null where the organization was expected to report nothing.</param>
public sealed record ComplianceRowDto(
    Guid OrganizationId, string OrganizationName, string Acronym, string? CountryCode, IReadOnlyList<ComplianceCellDto?> Cells);

/// <param name="Missing">Not reported in a closed cycle.</param>
/// <param name="NotYet">Not reported so far in an open cycle (it still may be, late at worst); always 0 for a closed one.</param>
public sealed record ComplianceCellDto(int Expected, int OnTime, int Late, int Missing, int NotYet);

public sealed class GetComplianceMatrixValidator : AbstractValidator<GetComplianceMatrixQuery>
{
    public GetComplianceMatrixValidator() => this.AddReportFilterRules();
}

public sealed class GetComplianceMatrixHandler(ICoordinationDbContext db, ICurrentUser user)
    : IQueryHandler<GetComplianceMatrixQuery, ComplianceMatrixDto>
{
    /// <summary>One organization's counts in one cycle.</summary>
    private sealed record Counts(Guid ReviewCycleId, Guid OrganizationId, int Expected, int OnTime, int Late);

    public async ValueTask<ComplianceMatrixDto> Handle(GetComplianceMatrixQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        var forum = await db.ReadableReportForumAsync(user, filter.ForumId, cancellationToken);

        var cycles = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.ForumId == filter.ForumId && (c.State == ReviewCycleState.Closed || c.State == ReviewCycleState.Open))
            .OrderBy(c => c.SubmissionDeadline).ThenBy(c => c.Id)
            .Select(c => new ComplianceCycleDto(c.Id, c.Name, c.SubmissionDeadline, c.ClosedAt, c.State == ReviewCycleState.Open))
            .ToListAsync(cancellationToken);

        var counts = await FromSnapshotsAsync(filter, cancellationToken);
        foreach (var open in cycles.Where(c => c.InProgress))
            counts.AddRange(await SoFarAsync(filter, forum, open, cancellationToken));

        var organizationIds = counts.Select(c => c.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Acronym, o.CountryCode })
            .ToListAsync(cancellationToken);
        var byCell = counts.ToDictionary(c => (c.OrganizationId, c.ReviewCycleId));
        var rows = organizations
            .OrderBy(o => o.CountryCode ?? "~", StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(o => new ComplianceRowDto(o.Id, o.Name, o.Acronym, o.CountryCode?.Trim(), [.. cycles.Select(c =>
                byCell.TryGetValue((o.Id, c.ReviewCycleId), out var n) ? Cell(n, c.InProgress) : null)]))
            .ToList();
        return new ComplianceMatrixDto(filter.ForumId, cycles, rows);
    }

    private static ComplianceCellDto Cell(Counts n, bool inProgress)
    {
        var unreported = n.Expected - n.OnTime - n.Late;
        return new ComplianceCellDto(n.Expected, n.OnTime, n.Late, inProgress ? 0 : unreported, inProgress ? unreported : 0);
    }

    /// <summary>The closed cycles, from their snapshots (the snapshot of a cycle exists once it has closed).</summary>
    private Task<List<Counts>> FromSnapshotsAsync(ReportFilter filter, CancellationToken cancellationToken) =>
        // As GetCompliance counts a cycle: an assignment completed before the cycle (and so not reported in it) is not expected.
        filter.Apply(db, db.CycleSnapshots.AsNoTracking())
            .Where(s => s.Status != AssignmentStatus.Completed || s.ReportedOnTime || s.ReportedLate)
            .GroupBy(s => new { s.ReviewCycleId, s.OrganizationId })
            .Select(g => new Counts(
                g.Key.ReviewCycleId,
                g.Key.OrganizationId,
                g.Count(),
                g.Count(s => s.ReportedOnTime),
                g.Count(s => s.ReportedLate && !s.ReportedOnTime)))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// An open cycle so far, from the live data, as its snapshot will count it when it closes (CycleReports): an
    /// assignment was reported on time when it has an update for the cycle submitted by the end of the deadline day in the
    /// forum's time zone, late when its only updates for the cycle came after. An update awaiting validation or returned
    /// counts only for a reader who may know of it (<see cref="ReportForum.ShowsUnacceptedOf"/>): to anyone else — the
    /// public of a published report, another organization in a confidential forum — it is "not yet".
    /// </summary>
    private async Task<List<Counts>> SoFarAsync(ReportFilter filter, ReportForum forum, ComplianceCycleDto cycle, CancellationToken cancellationToken)
    {
        var deadlineEnds = ForumCalendar.EndOfDayUtc(cycle.SubmissionDeadline, forum.Zone);
        var statuses = filter.Apply(db, db.AssignmentStatuses.AsNoTracking()).Where(s => s.Status != AssignmentStatus.Cancelled);

        // The organizations whose every submitted update counts for this reader, decided here by the one rule (a forum
        // has a few dozen of them); for the others, accepted updates only.
        var organizationIds = await statuses.Select(s => s.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var seenInFull = organizationIds.Where(o => forum.ShowsUnacceptedOf(user, o)).ToList();
        var updates = db.ProgressUpdates.AsNoTracking().Where(u => u.ReviewCycleId == cycle.ReviewCycleId);
        if (seenInFull.Count < organizationIds.Count)
        {
            var seenInFullAssignments = db.AssignmentStatuses.Where(s => seenInFull.Contains(s.OrganizationId)).Select(s => s.AssignmentId);
            updates = updates.Where(u => u.State == ProgressUpdateState.Accepted || seenInFullAssignments.Contains(u.AssignmentId));
        }

        var counts = await statuses
            .Select(s => new
            {
                s.OrganizationId,
                s.Status,
                Reported = updates.Any(u => u.AssignmentId == s.AssignmentId),
                OnTime = updates.Any(u => u.AssignmentId == s.AssignmentId && u.SubmittedAt < deadlineEnds),
            })
            .Where(r => r.Status != AssignmentStatus.Completed || r.Reported)
            .GroupBy(r => r.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Expected = g.Count(), OnTime = g.Count(r => r.OnTime), Late = g.Count(r => r.Reported && !r.OnTime) })
            .ToListAsync(cancellationToken);
        return [.. counts.Select(c => new Counts(cycle.ReviewCycleId, c.OrganizationId, c.Expected, c.OnTime, c.Late))];
    }
}
