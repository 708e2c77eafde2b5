using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.FocalPoints;

/// <summary>
/// What the signed-in person's organization is asked to report now: the open review cycle of each forum it takes part
/// in, with its assignments that have no update in that cycle (as the reminders count them), and, for a forum with no
/// open cycle, when its next one opens. Empty for a person without an organization.
/// </summary>
public sealed record GetReportingCyclesQuery : IQuery<ReportingCyclesDto>;

public sealed record ReportingCyclesDto(IReadOnlyList<OpenCycleReportingDto> Open, IReadOnlyList<UpcomingCycleDto> Upcoming);

/// <param name="DaysLeft">Days from today to the submission deadline, both counted in the forum's time zone: 0 on the deadline day, negative once it has passed.</param>
/// <param name="Reported">The organization's assignments that already have an update in the cycle.</param>
/// <param name="Missing">The organization's assignments expected to report that have none yet, by action point code.</param>
public sealed record OpenCycleReportingDto(
    Guid ReviewCycleId,
    Guid ForumId,
    string ForumTitle,
    string Name,
    DateOnly SubmissionDeadline,
    int DaysLeft,
    int Reported,
    IReadOnlyList<MissingReportDto> Missing);

/// <param name="AwaitingValidation">An update made before the cycle opened still waits for the secretariat: a new one cannot be sent until it is validated or returned.</param>
public sealed record MissingReportDto(
    Guid AssignmentId, string ActionPointCode, string ActionPointTitle, AssignmentStatus Status, DateOnly DueDate, bool AwaitingValidation);

public sealed record UpcomingCycleDto(Guid ReviewCycleId, Guid ForumId, string ForumTitle, string Name, DateOnly OpensOn);

public sealed class GetReportingCyclesHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetReportingCyclesQuery, ReportingCyclesDto>
{
    public async ValueTask<ReportingCyclesDto> Handle(GetReportingCyclesQuery query, CancellationToken cancellationToken)
    {
        if (user.OrganizationId is not { } organizationId)
            return new ReportingCyclesDto([], []);

        var forums = await db.Forums.AsNoTracking()
            .Where(f => f.Participants.Any(p => p.OrganizationId == organizationId))
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        var forumIds = forums.Keys.ToList();
        var cycles = await db.ReviewCycles.AsNoTracking()
            .Where(c => forumIds.Contains(c.ForumId) && c.State != ReviewCycleState.Closed)
            .ToListAsync(cancellationToken);

        var open = new List<OpenCycleReportingDto>();
        foreach (var cycle in cycles.Where(c => c.State == ReviewCycleState.Open))
        {
            var forum = forums[cycle.ForumId];
            var missing = await (
                    from status in db.MissingReports(cycle).AsNoTracking()
                    where status.OrganizationId == organizationId
                    join actionPoint in db.ActionPoints.AsNoTracking() on status.ActionPointId equals actionPoint.Id
                    select new MissingReportDto(
                        status.AssignmentId, actionPoint.Code, actionPoint.Title, status.Status, status.DueDate, status.PendingUpdateId != null))
                .ToListAsync(cancellationToken);
            var reported = await db.AssignmentStatuses.AsNoTracking()
                .CountAsync(
                    s => s.ForumId == cycle.ForumId && s.OrganizationId == organizationId
                        && db.ProgressUpdates.Any(u => u.AssignmentId == s.AssignmentId && u.ReviewCycleId == cycle.Id),
                    cancellationToken);
            open.Add(new OpenCycleReportingDto(
                cycle.Id, forum.Id, forum.Title, cycle.Name, cycle.SubmissionDeadline,
                cycle.SubmissionDeadline.DayNumber - clock.Today(forum).DayNumber,
                reported,
                [.. missing.OrderBy(m => m.ActionPointCode, StringComparer.Ordinal)]));
        }

        // Only where nothing is open: a forum in the middle of a cycle needs no word about the next one.
        var withOpenCycle = open.Select(o => o.ForumId).ToHashSet();
        var upcoming = cycles
            .Where(c => c.State == ReviewCycleState.Scheduled && !withOpenCycle.Contains(c.ForumId))
            .GroupBy(c => c.ForumId)
            .Select(g => g.OrderBy(c => c.OpensOn).First())
            .Select(c => new UpcomingCycleDto(c.Id, c.ForumId, forums[c.ForumId].Title, c.Name, c.OpensOn))
            .OrderBy(c => c.OpensOn).ThenBy(c => c.ForumTitle, StringComparer.CurrentCulture)
            .ToList();

        return new ReportingCyclesDto(
            [.. open.OrderBy(o => o.SubmissionDeadline).ThenBy(o => o.ForumTitle, StringComparer.CurrentCulture)],
            upcoming);
    }
}
