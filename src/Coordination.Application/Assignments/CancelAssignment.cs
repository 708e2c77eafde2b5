using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.Assignments;

/// <summary>Cancels an assignment: it stays in the history but no longer counts as due, overdue or reportable.</summary>
public sealed record CancelAssignmentCommand(Guid Id) : ICommand<AssignmentDto>, ISecretariatOnly;

public sealed class CancelAssignmentHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CancelAssignmentCommand, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(CancelAssignmentCommand command, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Assignment", command.Id);
        var pending = assignment.PendingUpdateId is { } pendingId
            ? await db.ProgressUpdates.FindAsync([pendingId], cancellationToken)
            : null;
        assignment.Cancel(pending, user.UserId ?? Guid.Empty, user.DisplayName ?? user.Email ?? "", clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.FindDtoAsync(assignment.Id, readableForumIds: null, clock, reader: null, cancellationToken)
            ?? throw new NotFoundException("Assignment", command.Id);
    }
}
