using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.Assignments;

public sealed record GetAssignmentQuery(Guid Id) : IQuery<AssignmentDto>;

public sealed class GetAssignmentHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetAssignmentQuery, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(GetAssignmentQuery query, CancellationToken cancellationToken) =>
        await db.FindDtoAsync(query.Id, db.ReadableForumIds(user), clock, user, cancellationToken)
        ?? throw new NotFoundException("Assignment", query.Id);
}
