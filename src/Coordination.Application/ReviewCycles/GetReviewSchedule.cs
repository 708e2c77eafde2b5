using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// A forum's review schedule: null when the forum has none (an ordinary state, not an error); a forum that does not
/// exist or that the caller may not read is not found.
/// </summary>
public sealed record GetReviewScheduleQuery(Guid ForumId) : IQuery<ReviewScheduleDto?>;

public sealed class GetReviewScheduleHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetReviewScheduleQuery, ReviewScheduleDto?>
{
    public async ValueTask<ReviewScheduleDto?> Handle(GetReviewScheduleQuery query, CancellationToken cancellationToken)
    {
        var forum = await db.ReadableForums(user).IgnoreAutoIncludes()
            .SingleOrDefaultAsync(f => f.Id == query.ForumId, cancellationToken)
            ?? throw new NotFoundException("Forum", query.ForumId);
        return forum.ReviewSchedule is { } schedule
            ? ReviewScheduleDto.From(forum.Id, schedule, clock.Today(forum), forum.Version)
            : null;
    }
}
