namespace Coordination.Application.People;

/// <summary>
/// The sign-in accounts (ASP.NET Core Identity, behind this interface so the use cases stay free of it). Writes go
/// through the same scoped database context, so they join the unit of work's transaction.
/// </summary>
public interface IAccounts
{
    Task<bool> ExistsAsync(string email, CancellationToken cancellationToken);

    /// <summary>Creates a confirmed account with its role, or says why not (password rules, e-mail already taken).</summary>
    Task<AccountCreation> CreateAsync(NewAccount account, string password, CancellationToken cancellationToken);

    Task<AccountSummary?> FindAsync(Guid userId, CancellationToken cancellationToken);

    Task<AccountSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The people of one organization, by name.</summary>
    Task<IReadOnlyList<AccountSummary>> ListByOrganizationAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>A token for the reset link, safe to put in a URL as it is; it stops working once the password changes.</summary>
    Task<string> CreatePasswordResetTokenAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Sets a new password with a token from <see cref="CreatePasswordResetTokenAsync"/>; errors on <c>Token</c> or <c>Password</c>.</summary>
    Task<AccountChange> ResetPasswordAsync(Guid userId, string token, string newPassword, CancellationToken cancellationToken);

    /// <summary>Errors on <c>CurrentPassword</c> (not correct) or <c>Password</c> (the new one breaks a rule).</summary>
    Task<AccountChange> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken);

    Task UpdateProfileAsync(Guid userId, string displayName, string preferredLanguage, CancellationToken cancellationToken);

    /// <summary>Deactivates or reactivates; either way every existing sign-in of the person stops working.</summary>
    Task SetActiveAsync(Guid userId, bool active, CancellationToken cancellationToken);

    Task<TwoFactorState> GetTwoFactorAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>A new shared key for an authenticator app (the old one stops working); returns it unformatted (base32).</summary>
    Task<string> ResetAuthenticatorKeyAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="code"/> is the authenticator app's current code, accepting each time step once: a code
    /// already accepted (or an older one) is refused, so a code seen over someone's shoulder cannot be replayed.
    /// </summary>
    Task<bool> TryUseAuthenticatorCodeAsync(Guid userId, string code, CancellationToken cancellationToken);

    Task SetTwoFactorEnabledAsync(Guid userId, bool enabled, CancellationToken cancellationToken);

    /// <summary>New single-use recovery codes; the earlier ones stop working.</summary>
    Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Guid userId, int count, CancellationToken cancellationToken);

    /// <summary>Active people holding <paramref name="role"/>, of the given organizations (of all when null), as mails need them.</summary>
    Task<IReadOnlyList<Notifications.MailRecipient>> ListMailRecipientsAsync(
        string role, IReadOnlyCollection<Guid>? organizationIds, CancellationToken cancellationToken);

    /// <summary>One person as mails need them, active or not; null when there is no such account.</summary>
    Task<Notifications.MailRecipient?> FindMailRecipientAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Switches the person's weekly digest on or off; reminders cannot be switched off.</summary>
    Task SetReceivesDigestAsync(Guid userId, bool receivesDigest, CancellationToken cancellationToken);
}

public sealed record NewAccount(
    Guid Id, string Email, string DisplayName, Guid OrganizationId, string Role, string PreferredLanguage, DateTime CreatedAt);

/// <summary>The outcome of creating an account; errors are keyed by the input field they are about.</summary>
public sealed record AccountCreation(bool Succeeded, bool EmailTaken, IReadOnlyList<AccountError> Errors)
{
    public static AccountCreation Success { get; } = new(true, false, []);
}

public sealed record AccountError(string Field, string Message);

/// <summary>The outcome of changing a password; errors keyed by field as in <see cref="AccountCreation"/>.</summary>
public sealed record AccountChange(bool Succeeded, IReadOnlyList<AccountError> Errors)
{
    public static AccountChange Success { get; } = new(true, []);
}

public sealed record AccountSummary(
    Guid Id, string Email, string DisplayName, Guid OrganizationId, string? Role, string PreferredLanguage, bool IsActive,
    bool TwoFactorEnabled, DateTime CreatedAt);

/// <summary><paramref name="AuthenticatorKey"/> is null until a set-up was started.</summary>
public sealed record TwoFactorState(bool Enabled, string? AuthenticatorKey, int RecoveryCodesLeft, string Email);
