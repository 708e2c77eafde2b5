using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Reports;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ActionPoints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Home;

/// <summary>
/// The regional figures at a glance over the forums the caller may read: assignments by official status, the mean
/// percent of those not cancelled, and how many are overdue or at risk — computed in the database.
/// </summary>
public sealed record GetStatusOverviewQuery(Guid? ForumId = null) : IQuery<StatusOverviewDto>;

public sealed record StatusOverviewDto(int Assignments, IReadOnlyDictionary<AssignmentStatus, int> ByStatus, double PercentComplete, int Overdue, int AtRisk);

public sealed class GetStatusOverviewHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetStatusOverviewQuery, StatusOverviewDto>
{
    public async ValueTask<StatusOverviewDto> Handle(GetStatusOverviewQuery query, CancellationToken cancellationToken)
    {
        var readable = db.ReadableForums(user).IgnoreAutoIncludes();
        if (query.ForumId is { } forumId)
            readable = readable.Where(f => f.Id == forumId);
        var forums = await readable.ToListAsync(cancellationToken);

        // Each forum's flags are decided on its own day (ForumCalendar), as its reports decide them, so an assignment is
        // overdue here exactly when it is in the forum's report, also in the hours where the forum's day is not UTC's.
        // Forums sharing a day are counted together: one query per distinct day (a region spans one or two).
        var totals = new List<FigureTotals<Guid>>();
        foreach (var day in forums.GroupBy(f => clock.Today(f).DayNumber, f => f.Id))
        {
            var ids = day.ToList();
            var rows = db.AssignmentStatuses.AsNoTracking().Where(s => ids.Contains(s.ForumId));
            // The same arithmetic as every report (Reports/ReportFigures.cs), so home and reports never disagree.
            totals.Add(await rows.Flagged(day.Key).OverallAsync(cancellationToken));
        }

        var overall = ReportFigures.Sum(Guid.Empty, totals);
        return new StatusOverviewDto(overall.Assignments, overall.ByStatus, overall.PercentComplete, overall.Overdue, overall.AtRisk);
    }
}
