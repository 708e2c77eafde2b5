using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.Progress;

/// <summary>The secretariat validates an update: the assignment's official status and percent become the update's.</summary>
public sealed record AcceptProgressUpdateCommand(Guid Id) : ICommand<ProgressUpdateDto>, ISecretariatOnly;

public sealed class AcceptProgressUpdateHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AcceptProgressUpdateCommand, ProgressUpdateDto>
{
    public async ValueTask<ProgressUpdateDto> Handle(AcceptProgressUpdateCommand command, CancellationToken cancellationToken)
    {
        var update = await db.ProgressUpdates.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Progress update", command.Id);
        var assignment = await db.Assignments.FindAsync([update.AssignmentId], cancellationToken)
            ?? throw new NotFoundException("Assignment", update.AssignmentId);
        assignment.Accept(update, user.UserId!.Value, user.NameForHistory(), clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadProgressUpdateAsync(update.Id, cancellationToken);
    }
}
