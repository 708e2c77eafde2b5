using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.People;

/// <summary>New recovery codes for the signed-in person; the earlier ones stop working.</summary>
public sealed record GenerateRecoveryCodesCommand : ICommand<RecoveryCodesDto>;

public sealed class GenerateRecoveryCodesHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<GenerateRecoveryCodesCommand, RecoveryCodesDto>
{
    public async ValueTask<RecoveryCodesDto> Handle(GenerateRecoveryCodesCommand command, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        if (!(await accounts.GetTwoFactorAsync(userId, cancellationToken)).Enabled)
            throw new ConflictException("Recovery codes are for two-step sign-in, which is off. Turn it on first.");

        var codes = await accounts.NewRecoveryCodesAsync(userId, EnableTwoFactorHandler.RecoveryCodeCount, cancellationToken);
        PersonAudit.Record(db, clock, userId, user.Email, UseCaseName.Of(command), userId, null, new { recoveryCodes = "new" });
        return new RecoveryCodesDto(codes);
    }
}
