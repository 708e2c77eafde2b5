using Coordination.Application.Assignments;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
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

        var byStatus = await rows.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counted = rows.Where(s => s.Status != AssignmentStatus.Cancelled);
        var percent = await counted.AnyAsync(cancellationToken) ? await counted.AverageAsync(s => (double)s.PercentComplete, cancellationToken) : 0;
        var overdue = await rows.CountAsync(AssignmentFlags.Overdue(today), cancellationToken);
        var atRisk = await rows.CountAsync(AssignmentFlags.AtRisk(today), cancellationToken);

        var statuses = Enum.GetValues<AssignmentStatus>().ToDictionary(s => s, s => byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0);
        return new StatusOverviewDto(statuses.Values.Sum(), statuses, Math.Round(percent, 1), overdue, atRisk);
    }
}
