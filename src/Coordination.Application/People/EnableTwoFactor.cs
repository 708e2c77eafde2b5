using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Coordination.Application.People;

/// <summary>
/// Turns two-factor authentication on once the person proves their app has the key (a current code), and returns
/// the recovery codes, shown to them this once.
/// </summary>
public sealed record EnableTwoFactorCommand(string Code) : ICommand<RecoveryCodesDto>;

/// <summary>Single-use codes for signing in without the app; only their count is kept visible afterwards.</summary>
public sealed record RecoveryCodesDto(IReadOnlyList<string> Codes);

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorValidator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(20);
}

public sealed class EnableTwoFactorHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<EnableTwoFactorCommand, RecoveryCodesDto>
{
    public const int RecoveryCodeCount = 10;

    public async ValueTask<RecoveryCodesDto> Handle(EnableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var state = await accounts.GetTwoFactorAsync(userId, cancellationToken);
        if (state.Enabled)
            throw new ConflictException("Two-step sign-in is already on.");
        if (state.AuthenticatorKey is null)
            throw new ConflictException("Start the set-up first: it gives the key to enter in your app.");
        if (!await accounts.TryUseAuthenticatorCodeAsync(userId, command.Code, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure(
                nameof(command.Code), "The code is not correct. Enter the 6-digit code your app shows now.")]);
        }

        await accounts.SetTwoFactorEnabledAsync(userId, true, cancellationToken);
        var codes = await accounts.NewRecoveryCodesAsync(userId, RecoveryCodeCount, cancellationToken);
        PersonAudit.Record(db, clock, userId, user.Email, UseCaseName.Of(command), userId, new { twoFactorEnabled = false }, new { twoFactorEnabled = true });
        return new RecoveryCodesDto(codes);
    }
}
