using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Progress;

/// <summary>The secretariat sends an update back with what needs to change; the official status stays as it was.</summary>
public sealed record ReturnProgressUpdateCommand(Guid Id, string? Comment) : ICommand<ProgressUpdateDto>, ISecretariatOnly;

public sealed class ReturnProgressUpdateValidator : AbstractValidator<ReturnProgressUpdateCommand>
{
    public ReturnProgressUpdateValidator() =>
        RuleFor(c => c.Comment)
            .NotEmpty().WithMessage("Say what needs to change: returning an update needs a comment.")
            .MaximumLength(ProgressUpdate.CommentMaxLength);
}

public sealed class ReturnProgressUpdateHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReturnProgressUpdateCommand, ProgressUpdateDto>
{
    public async ValueTask<ProgressUpdateDto> Handle(ReturnProgressUpdateCommand command, CancellationToken cancellationToken)
    {
        var update = await db.ProgressUpdates.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Progress update", command.Id);
        var assignment = await db.Assignments.FindAsync([update.AssignmentId], cancellationToken)
            ?? throw new NotFoundException("Assignment", update.AssignmentId);
        assignment.Return(update, user.UserId!.Value, user.NameForHistory(), command.Comment!, clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadProgressUpdateAsync(update.Id, cancellationToken);
    }
}
