using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ActionPoints;

public sealed record GetActionPointQuery(Guid Id) : IQuery<ActionPointDetailsDto>;

public sealed class GetActionPointHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetActionPointQuery, ActionPointDetailsDto>
{
    public async ValueTask<ActionPointDetailsDto> Handle(GetActionPointQuery query, CancellationToken cancellationToken)
    {
        var readableForumIds = db.ReadableForumIds(user);
        var actionPoint = await db.Rows(db.ActionPoints.AsNoTracking()
                .Where(a => a.Id == query.Id && readableForumIds.Contains(a.ForumId)))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Action point", query.Id);

        var days = await ForumDays.OfAsync(clock, db.Forums.Where(f => f.Id == actionPoint.ForumId), cancellationToken);
        var rows = await db.Rows(db.AssignmentStatuses.AsNoTracking().Where(s => s.ActionPointId == query.Id))
            .OrderBy(r => r.Role).ThenBy(r => r.CountryCode).ThenBy(r => r.OrganizationName)
            .ToListAsync(cancellationToken);
        return actionPoint.ToDetails(await db.ToDtosAsync(rows, days, user, cancellationToken));
    }
}
