using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.People;

/// <summary>Turns two-factor authentication off for the signed-in person: the password alone signs them in again.</summary>
public sealed record DisableTwoFactorCommand : ICommand;

public sealed class DisableTwoFactorHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DisableTwoFactorCommand>
{
    public async ValueTask<Unit> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        if (!(await accounts.GetTwoFactorAsync(userId, cancellationToken)).Enabled)
            return Unit.Value;

        await accounts.SetTwoFactorEnabledAsync(userId, false, cancellationToken);
        PersonAudit.Record(db, clock, userId, user.Email, UseCaseName.Of(command), userId, new { twoFactorEnabled = true }, new { twoFactorEnabled = false });
        return Unit.Value;
    }
}
