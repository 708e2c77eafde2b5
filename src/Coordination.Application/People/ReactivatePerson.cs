using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace Coordination.Application.People;

/// <summary>Opens a deactivated account again (secretariat); the person signs in with the password they had.</summary>
public sealed record ReactivatePersonCommand(Guid PersonId) : ICommand, ISecretariatOnly;

public sealed class ReactivatePersonValidator : AbstractValidator<ReactivatePersonCommand>
{
    public ReactivatePersonValidator() => RuleFor(c => c.PersonId).NotEmpty();
}

public sealed class ReactivatePersonHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReactivatePersonCommand>
{
    public async ValueTask<Unit> Handle(ReactivatePersonCommand command, CancellationToken cancellationToken)
    {
        var person = await accounts.FindAsync(command.PersonId, cancellationToken) ?? throw new NotFoundException("Person", command.PersonId);
        if (person.IsActive)
            return Unit.Value;

        await accounts.SetActiveAsync(person.Id, true, cancellationToken);
        PersonAudit.Record(db, clock, user.UserId, user.Email, UseCaseName.Of(command), person.Id, new { isActive = false }, new { isActive = true });
        return Unit.Value;
    }
}
