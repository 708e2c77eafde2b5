using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports;

/// <summary>
/// The regional figures across the forum's closed review cycles, oldest first, read from the snapshots frozen when each
/// closed (so a point never changes afterwards). The filter applies as to the regional status; themes and tags are the
/// conclusions' current ones.
/// </summary>
public sealed record GetTrendQuery(ReportFilter Filter) : IQuery<TrendDto>, IAllowAnonymous, IReportQuery;

public sealed record TrendDto(Guid ForumId, string ForumTitle, bool Published, ReportFilter Filter, IReadOnlyList<TrendPointDto> Points);

/// <param name="Assignments">Snapshots leave cancelled assignments out, so <c>byStatus.Cancelled</c> is always 0.</param>
/// <param name="ReportedOnTime">Assignments with an update for the cycle submitted by its deadline.</param>
/// <param name="ReportedLate">Assignments whose first update for the cycle came after the deadline.</param>
/// <param name="NotReported">Assignments with no update for the cycle.</param>
public sealed record TrendPointDto(
    Guid ReviewCycleId,
    string Name,
    DateOnly SubmissionDeadline,
    DateTime ClosedAt,
    int Assignments,
    IReadOnlyDictionary<AssignmentStatus, int> ByStatus,
    double PercentComplete,
    int Overdue,
    int AtRisk,
    int ReportedOnTime,
    int ReportedLate,
    int NotReported);

public sealed class GetTrendValidator : AbstractValidator<GetTrendQuery>
{
    public GetTrendValidator() => this.AddReportFilterRules();
}

public sealed class GetTrendHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<GetTrendQuery, TrendDto>
{
    public async ValueTask<TrendDto> Handle(GetTrendQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        var forum = await db.ReadableReportForumAsync(user, filter.ForumId, cancellationToken);

        var cycles = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.ForumId == forum.Id && c.State == ReviewCycleState.Closed && c.ClosedAt != null)
            .OrderBy(c => c.ClosedAt).ThenBy(c => c.SubmissionDeadline)
            .Select(c => new { c.Id, c.Name, c.SubmissionDeadline, ClosedAt = c.ClosedAt!.Value })
            .ToListAsync(cancellationToken);

        var snapshots = filter.Apply(db, db.CycleSnapshots.AsNoTracking());

        // Snapshot rows carry their frozen flags, so the same totals count them.
        var totals = (await snapshots.GroupBy(s => s.ReviewCycleId, s => new ReportRow
            {
                Status = s.Status,
                PercentComplete = s.PercentComplete,
                Overdue = s.Overdue,
                AtRisk = s.AtRisk,
                ReportedOnTime = s.ReportedOnTime,
                ReportedLate = s.ReportedLate,
            }).TotalsAsync(cancellationToken))
            .ToDictionary(t => t.Key);

        var points = cycles.Select(c =>
        {
            var t = totals.GetValueOrDefault(c.Id) ?? ReportFigures.Empty(c.Id);
            return new TrendPointDto(
                c.Id, c.Name, c.SubmissionDeadline, DateTime.SpecifyKind(c.ClosedAt, DateTimeKind.Utc), t.Assignments, t.ByStatus,
                t.PercentComplete, t.Overdue, t.AtRisk, t.ReportedOnTime, t.ReportedLate,
                t.Assignments - t.ReportedOnTime - t.ReportedLate);
        }).ToList();
        return new TrendDto(forum.Id, forum.Title, forum.ReportPublished, filter, points);
    }
}
