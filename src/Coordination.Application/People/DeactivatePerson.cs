using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace Coordination.Application.People;

/// <summary>
/// Closes a person's account (secretariat): they cannot sign in, and every sign-in they hold stops working; their
/// history stays. Deactivating an account that already is deactivated changes nothing.
/// </summary>
public sealed record DeactivatePersonCommand(Guid PersonId) : ICommand, ISecretariatOnly;

public sealed class DeactivatePersonValidator : AbstractValidator<DeactivatePersonCommand>
{
    public DeactivatePersonValidator() => RuleFor(c => c.PersonId).NotEmpty();
}

public sealed class DeactivatePersonHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DeactivatePersonCommand>
{
    public async ValueTask<Unit> Handle(DeactivatePersonCommand command, CancellationToken cancellationToken)
    {
        var person = await accounts.FindAsync(command.PersonId, cancellationToken) ?? throw new NotFoundException("Person", command.PersonId);
        if (person.Id == user.UserId)
            throw new ConflictException("You cannot deactivate your own account. Ask another member of the secretariat.");
        if (!person.IsActive)
            return Unit.Value;

        await accounts.SetActiveAsync(person.Id, false, cancellationToken);
        PersonAudit.Record(db, clock, user.UserId, user.Email, UseCaseName.Of(command), person.Id, new { isActive = true }, new { isActive = false });
        return Unit.Value;
    }
}
