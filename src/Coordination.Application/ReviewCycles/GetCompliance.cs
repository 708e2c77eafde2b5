using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// Who reported in a cycle, per organization. A closed cycle is read from its snapshot, so its figures never change;
/// an open (or scheduled) one from the live data.
/// </summary>
public sealed record GetComplianceQuery(Guid ReviewCycleId) : IQuery<ComplianceDto>;

/// <param name="Source"><c>Snapshot</c> for a closed cycle, <c>Live</c> otherwise.</param>
public sealed record ComplianceDto(
    Guid ReviewCycleId,
    Guid ForumId,
    string Name,
    ReviewCycleState State,
    DateOnly SubmissionDeadline,
    string Source,
    ComplianceCounts Total,
    IReadOnlyList<OrganizationComplianceDto> Organizations);

public sealed record ComplianceCounts(int Expected, int SubmittedOnTime, int Late, int Missing);

/// <param name="Expected">The organization's active assignments in the forum: not cancelled, and not completed before the cycle opened.</param>
public sealed record OrganizationComplianceDto(
    Guid OrganizationId, string OrganizationName, string? CountryCode, int Expected, int SubmittedOnTime, int Late, int Missing);

public sealed class GetComplianceHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<GetComplianceQuery, ComplianceDto>
{
    public const string FromSnapshot = "Snapshot";
    public const string FromLiveData = "Live";

    private sealed record Row(Guid OrganizationId, AssignmentStatus Status, CycleReport Report);

    public async ValueTask<ComplianceDto> Handle(GetComplianceQuery query, CancellationToken cancellationToken)
    {
        var cycle = await db.ReadableCycleAsync(user, query.ReviewCycleId, cancellationToken);
        var closed = cycle.State == ReviewCycleState.Closed;
        var rows = closed ? await FromSnapshotAsync(cycle, cancellationToken) : await FromLiveDataAsync(cycle, cancellationToken);

        // An assignment completed before the cycle opened is not expected to report; one completed during the cycle
        // was reported in it (every update made while a cycle is open belongs to it), so it still counts.
        var expected = rows.Where(r => r.Status != AssignmentStatus.Completed || r.Report != CycleReport.Missing).ToList();
        var organizationIds = expected.Select(r => r.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.CountryCode })
            .ToListAsync(cancellationToken);

        var perOrganization = organizations
            .Select(o =>
            {
                var counts = Count(expected.Where(r => r.OrganizationId == o.Id));
                return new OrganizationComplianceDto(o.Id, o.Name, o.CountryCode, counts.Expected, counts.SubmittedOnTime, counts.Late, counts.Missing);
            })
            .OrderBy(o => o.CountryCode ?? "~").ThenBy(o => o.OrganizationName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new ComplianceDto(
            cycle.Id, cycle.ForumId, cycle.Name, cycle.State, cycle.SubmissionDeadline, closed ? FromSnapshot : FromLiveData,
            Count(expected), perOrganization);
    }

    private static ComplianceCounts Count(IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var onTime = list.Count(r => r.Report == CycleReport.OnTime);
        var late = list.Count(r => r.Report == CycleReport.Late);
        return new ComplianceCounts(list.Count, onTime, late, list.Count - onTime - late);
    }

    private async Task<List<Row>> FromSnapshotAsync(ReviewCycle cycle, CancellationToken cancellationToken) =>
        (await db.CycleSnapshots.AsNoTracking()
            .Where(s => s.ReviewCycleId == cycle.Id)
            .Select(s => new { s.OrganizationId, s.Status, s.ReportedOnTime, s.ReportedLate })
            .ToListAsync(cancellationToken))
        .Select(s => new Row(
            s.OrganizationId, s.Status,
            s.ReportedOnTime ? CycleReport.OnTime : s.ReportedLate ? CycleReport.Late : CycleReport.Missing))
        .ToList();

    private async Task<List<Row>> FromLiveDataAsync(ReviewCycle cycle, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.AsNoTracking().IgnoreAutoIncludes().SingleAsync(f => f.Id == cycle.ForumId, cancellationToken);
        var reports = await CycleReports.ReadAsync(db, cycle, forum.Zone(), cancellationToken);
        return (await db.AssignmentStatuses.AsNoTracking()
                .Where(s => s.ForumId == cycle.ForumId && s.Status != AssignmentStatus.Cancelled)
                .Select(s => new { s.AssignmentId, s.OrganizationId, s.Status })
                .ToListAsync(cancellationToken))
            .Select(s => new Row(s.OrganizationId, s.Status, reports.GetValueOrDefault(s.AssignmentId)))
            .ToList();
    }
}
