using System.Linq.Expressions;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <param name="FromSchedule">Made by the forum's schedule rather than by hand.</param>
public sealed record ReviewCycleDto(
    Guid Id,
    Guid ForumId,
    string Name,
    DateOnly OpensOn,
    DateOnly SubmissionDeadline,
    DateOnly? MeetingDate,
    ReviewCycleState State,
    bool FromSchedule,
    DateTime? OpenedAt,
    DateTime? ClosedAt,
    string Version)
{
    public static readonly Expression<Func<ReviewCycle, ReviewCycleDto>> Projection = c =>
        new ReviewCycleDto(
            c.Id, c.ForumId, c.Name, c.OpensOn, c.SubmissionDeadline, c.MeetingDate, c.State, c.FromSchedule, c.OpenedAt,
            c.ClosedAt, c.Version.ToString());

    private static readonly Func<ReviewCycle, ReviewCycleDto> FromEntity = Projection.Compile();

    public static ReviewCycleDto From(ReviewCycle cycle) => FromEntity(cycle);
}

internal static class ReviewCycleReads
{
    /// <summary>The cycle, if the caller may read its forum; otherwise as if it did not exist (404).</summary>
    public static async Task<ReviewCycle> ReadableCycleAsync(
        this ICoordinationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cycle is null || !await db.CanReadForumAsync(user, cycle.ForumId, cancellationToken))
            throw new NotFoundException("Review cycle", id);
        return cycle;
    }
}
