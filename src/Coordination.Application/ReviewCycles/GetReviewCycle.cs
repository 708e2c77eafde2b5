using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.ReviewCycles;

public sealed record GetReviewCycleQuery(Guid Id) : IQuery<ReviewCycleDto>;

public sealed class GetReviewCycleHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<GetReviewCycleQuery, ReviewCycleDto>
{
    public async ValueTask<ReviewCycleDto> Handle(GetReviewCycleQuery query, CancellationToken cancellationToken) =>
        ReviewCycleDto.From(await db.ReadableCycleAsync(user, query.Id, cancellationToken));
}
