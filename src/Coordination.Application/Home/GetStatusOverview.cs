using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Reports;
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
        var today = clock.TodayDayNumber();
        var readable = db.ReadableForumIds(user);
        var rows = db.AssignmentStatuses.AsNoTracking().Where(s => readable.Contains(s.ForumId));
        if (query.ForumId is { } forumId)
            rows = rows.Where(s => s.ForumId == forumId);

        // The same arithmetic as every report (Reports/ReportFigures.cs), so home and reports never disagree.
        var overall = await rows.Flagged(today).OverallAsync(cancellationToken);
        return new StatusOverviewDto(overall.Assignments, overall.ByStatus, overall.PercentComplete, overall.Overdue, overall.AtRisk);
    }
}
