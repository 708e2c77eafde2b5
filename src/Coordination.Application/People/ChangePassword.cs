using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Security;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Coordination.Application.People;

/// <summary>The signed-in person changes their password, proving they know the current one.</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty();
        RuleFor(c => c.NewPassword).NotEmpty();
    }
}

public sealed class ChangePasswordHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var changed = await accounts.ChangePasswordAsync(userId, command.CurrentPassword, command.NewPassword, cancellationToken);
        if (!changed.Succeeded)
        {
            throw new ValidationException(changed.Errors.Select(e => new ValidationFailure(
                e.Field == nameof(command.CurrentPassword) ? nameof(command.CurrentPassword) : nameof(command.NewPassword), e.Message)));
        }

        PersonAudit.Record(db, clock, userId, user.Email, UseCaseName.Of(command), userId, null, new { password = "changed" });
        return Unit.Value;
    }
}
