using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Coordination.Application.People;

/// <summary>
/// Sets a new password with the link from the reset mail. The token is bound to the account's security stamp, which the
/// new password renews: the link works once, and every other sign-in of the person stops working.
/// </summary>
public sealed record ResetPasswordCommand(string Email, string Token, string NewPassword) : ICommand, IAllowAnonymous;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.NewPassword).NotEmpty();
    }
}

public sealed class ResetPasswordHandler(ICoordinationDbContext db, IAccounts accounts, TimeProvider clock)
    : ICommandHandler<ResetPasswordCommand>
{
    public const string LinkNotValid = "This link to reset your password is no longer valid. Ask for a new one.";

    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        // An unknown address and a wrong token get the same answer.
        var person = await accounts.FindByEmailAsync(command.Email.Trim(), cancellationToken);
        if (person is not { IsActive: true })
            throw new ConflictException(LinkNotValid);

        var reset = await accounts.ResetPasswordAsync(person.Id, command.Token, command.NewPassword, cancellationToken);
        if (reset.Errors.Any(e => e.Field == "Token"))
            throw new ConflictException(LinkNotValid);
        if (!reset.Succeeded)
            throw new ValidationException(reset.Errors.Select(e => new ValidationFailure(nameof(command.NewPassword), e.Message)));

        PersonAudit.Record(db, clock, person.Id, person.Email, UseCaseName.Of(command), person.Id, null, new { password = "changed" });
        return Unit.Value;
    }
}
