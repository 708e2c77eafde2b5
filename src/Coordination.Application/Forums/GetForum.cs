using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Forums;

public sealed record GetForumQuery(Guid Id) : IQuery<ForumDto>;

public sealed class GetForumHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<GetForumQuery, ForumDto>
{
    // A forum the caller may not read answers exactly as one that does not exist.
    public async ValueTask<ForumDto> Handle(GetForumQuery query, CancellationToken cancellationToken) =>
        await db.ReadableForums(user)
            .Where(f => f.Id == query.Id)
            .Select(ForumDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Forum", query.Id);
}
