using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Forums;

public sealed record GetConclusionQuery(Guid Id) : IQuery<ConclusionDto>;

public sealed class GetConclusionHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<GetConclusionQuery, ConclusionDto>
{
    // A conclusion of a forum the caller may not read answers exactly as one that does not exist.
    public async ValueTask<ConclusionDto> Handle(GetConclusionQuery query, CancellationToken cancellationToken) =>
        await db.Conclusions.AsNoTracking()
            .Where(c => c.Id == query.Id && db.ReadableForumIds(user).Contains(c.ForumId))
            .Select(ConclusionDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Conclusion", query.Id);
}
