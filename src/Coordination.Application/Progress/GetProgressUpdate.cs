using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <summary>One update, for whoever may read its assignment's forum; 404 for anyone else.</summary>
public sealed record GetProgressUpdateQuery(Guid Id) : IQuery<ProgressUpdateDto>;

public sealed class GetProgressUpdateHandler(ICoordinationDbContext db, ICurrentUser user)
    : IQueryHandler<GetProgressUpdateQuery, ProgressUpdateDto>
{
    public async ValueTask<ProgressUpdateDto> Handle(GetProgressUpdateQuery query, CancellationToken cancellationToken)
    {
        var readableForums = db.ReadableForumIds(user);
        var readableAssignments = db.Assignments
            .Join(db.ActionPoints, a => a.ActionPointId, p => p.Id, (a, p) => new { a.Id, p.ForumId })
            .Where(a => readableForums.Contains(a.ForumId))
            .Select(a => a.Id);
        return await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Id == query.Id && readableAssignments.Contains(u.AssignmentId))
            .Select(ProgressUpdateDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Progress update", query.Id);
    }
}
