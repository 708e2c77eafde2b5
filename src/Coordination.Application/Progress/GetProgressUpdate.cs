using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <summary>
/// One update, for whoever may read its assignment's forum; 404 for anyone else, and for an update not accepted (yet)
/// where the reader sees the assignment's official state only (<see cref="ProgressVisibility.OfficialOnly"/>).
/// </summary>
public sealed record GetProgressUpdateQuery(Guid Id) : IQuery<ProgressUpdateDto>;

public sealed class GetProgressUpdateHandler(ICoordinationDbContext db, ICurrentUser user)
    : IQueryHandler<GetProgressUpdateQuery, ProgressUpdateDto>
{
    public async ValueTask<ProgressUpdateDto> Handle(GetProgressUpdateQuery query, CancellationToken cancellationToken)
    {
        var update = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Id == query.Id)
            .Select(ProgressUpdateDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Progress update", query.Id);
        return await db.ProgressVisibilityAsync(user, update.AssignmentId, cancellationToken) switch
        {
            ProgressVisibility.All => update,
            ProgressVisibility.OfficialOnly when update.State == ProgressUpdateState.Accepted => update.AsOfficial(),
            _ => throw new NotFoundException("Progress update", query.Id),
        };
    }
}
