using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

public sealed record GetReviewScheduleQuery(Guid ForumId) : IQuery<ReviewScheduleDto>;

public sealed class GetReviewScheduleHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetReviewScheduleQuery, ReviewScheduleDto>
{
    public async ValueTask<ReviewScheduleDto> Handle(GetReviewScheduleQuery query, CancellationToken cancellationToken)
    {
        var forum = await db.ReadableForums(user).IgnoreAutoIncludes()
            .SingleOrDefaultAsync(f => f.Id == query.ForumId, cancellationToken)
            ?? throw new NotFoundException("Forum", query.ForumId);
        var schedule = forum.ReviewSchedule ?? throw new NotFoundException("Review schedule of forum", query.ForumId);
        return ReviewScheduleDto.From(forum.Id, schedule, clock.Today(forum), forum.Version);
    }
}
