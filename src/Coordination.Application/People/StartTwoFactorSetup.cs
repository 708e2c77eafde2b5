using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.People;

/// <summary>
/// Starts setting up an authenticator app: a new shared key for the signed-in person. Two-factor authentication is
/// not on until a code from the app is verified (<see cref="EnableTwoFactorCommand"/>).
/// </summary>
public sealed record StartTwoFactorSetupCommand : ICommand;

public sealed class StartTwoFactorSetupHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<StartTwoFactorSetupCommand>
{
    public async ValueTask<Unit> Handle(StartTwoFactorSetupCommand command, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var state = await accounts.GetTwoFactorAsync(userId, cancellationToken);
        // A new key while it is on would silently break the app the person signs in with.
        if (state.Enabled)
            throw new ConflictException("Two-step sign-in is already on. Turn it off before setting up another app.");

        await accounts.ResetAuthenticatorKeyAsync(userId, cancellationToken);
        PersonAudit.Record(db, clock, userId, user.Email, UseCaseName.Of(command), userId, null, new { authenticatorKey = "new" });
        return Unit.Value;
    }
}
