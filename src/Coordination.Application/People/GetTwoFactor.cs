using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.People;

/// <summary>
/// Whether the signed-in person uses an authenticator app. While it is off, a set-up once started shows its shared key
/// (in groups of four, as apps ask for it) and the <c>otpauth://</c> address a QR code carries.
/// </summary>
public sealed record TwoFactorDto(bool Enabled, int RecoveryCodesLeft, string? SharedKey, string? AuthenticatorUri);

public sealed record GetTwoFactorQuery : IQuery<TwoFactorDto>;

public sealed class GetTwoFactorHandler(IAccounts accounts, ICurrentUser user) : IQueryHandler<GetTwoFactorQuery, TwoFactorDto>
{
    public const string Issuer = "Coordination";

    public async ValueTask<TwoFactorDto> Handle(GetTwoFactorQuery query, CancellationToken cancellationToken)
    {
        var state = await accounts.GetTwoFactorAsync(user.UserId!.Value, cancellationToken);
        return state.Enabled || state.AuthenticatorKey is null
            ? new TwoFactorDto(state.Enabled, state.RecoveryCodesLeft, null, null)
            : new TwoFactorDto(false, state.RecoveryCodesLeft, FormatKey(state.AuthenticatorKey), AuthenticatorUri(state.Email, state.AuthenticatorKey));
    }

    /// <summary>"JBSW Y3DP EHPK 3PXP": groups of four, lower case, as people copy it into an app.</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(group => new string(group)));

    /// <summary>The key-uri format authenticator apps read (Google's, which the others follow).</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
}
