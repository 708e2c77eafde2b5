using System.Text;
using Coordination.Application.Notifications;
using Coordination.Application.People;
using Coordination.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Infrastructure.Identity;

/// <summary>
/// Accounts through Identity's <see cref="UserManager{TUser}"/>. Its store saves through the scope's one
/// <c>CoordinationDbContext</c>, so inside a command the saves join the unit of work's open transaction and are
/// rolled back with it.
/// </summary>
internal sealed class IdentityAccounts(UserManager<ApplicationUser> users, CoordinationDbContext db, TimeProvider clock) : IAccounts
{
    public async Task<bool> ExistsAsync(string email, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null;

    public async Task<AccountCreation> CreateAsync(NewAccount account, string password, CancellationToken cancellationToken)
    {
        var user = ApplicationUser.Create(account.Email, account.DisplayName, account.OrganizationId, account.PreferredLanguage, account.CreatedAt);
        user.Id = account.Id;
        // The invitation reached this address, which is the confirmation.
        user.EmailConfirmed = true;

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountCreation(
                false,
                created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)),
                [.. created.Errors.Select(e => new AccountError(FieldOf(e.Code), e.Description))]);
        }

        var role = await users.AddToRoleAsync(user, account.Role);
        if (!role.Succeeded)
            throw new InvalidOperationException($"The role {account.Role} could not be given: {string.Join(" ", role.Errors.Select(e => e.Description))}");
        return AccountCreation.Success;
    }

    public async Task<AccountSummary?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await Summaries(db.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync(cancellationToken);

    public async Task<AccountSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email.Trim());
        return await Summaries(db.Users.Where(u => u.NormalizedEmail == normalized)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccountSummary>> ListByOrganizationAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await Summaries(db.Users.Where(u => u.OrganizationId == organizationId).OrderBy(u => u.DisplayName).ThenBy(u => u.Email))
            .ToListAsync(cancellationToken);

    public async Task<string> CreatePasswordResetTokenAsync(Guid userId, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(await UserAsync(userId));
        // Identity's token is base64 (with + / =); base64url survives mail clients and query strings untouched.
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
    }

    public async Task<AccountChange> ResetPasswordAsync(Guid userId, string token, string newPassword, CancellationToken cancellationToken)
    {
        var user = await UserAsync(userId);
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token.Trim()));
        }
        catch (FormatException)
        {
            return new AccountChange(false, [new AccountError("Token", "The link is not valid.")]);
        }

        var reset = await users.ResetPasswordAsync(user, decoded, newPassword);
        if (!reset.Succeeded)
            return new AccountChange(false, [.. reset.Errors.Select(e => new AccountError(e.Code == "InvalidToken" ? "Token" : FieldOf(e.Code), e.Description))]);

        // Proving ownership of the mailbox is also the way back in after a lockout.
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return AccountChange.Success;
    }

    public async Task<AccountChange> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var changed = await users.ChangePasswordAsync(await UserAsync(userId), currentPassword, newPassword);
        return changed.Succeeded
            ? AccountChange.Success
            : new AccountChange(false, [.. changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? new AccountError("CurrentPassword", "The current password is not correct.")
                : new AccountError(FieldOf(e.Code), e.Description))]);
    }

    public async Task UpdateProfileAsync(Guid userId, string displayName, string preferredLanguage, CancellationToken cancellationToken)
    {
        var user = await UserAsync(userId);
        user.DisplayName = displayName;
        user.PreferredLanguage = preferredLanguage;
        Ensure(await users.UpdateAsync(user), "update the profile");
    }

    public async Task SetActiveAsync(Guid userId, bool active, CancellationToken cancellationToken)
    {
        var user = await UserAsync(userId);
        user.IsActive = active;
        // A new stamp invalidates every cookie and refresh token issued so far (at their next validation).
        Ensure(await users.UpdateSecurityStampAsync(user), "change whether the account is active");
    }

    public async Task<TwoFactorState> GetTwoFactorAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await UserAsync(userId);
        return new TwoFactorState(
            await users.GetTwoFactorEnabledAsync(user),
            await users.GetAuthenticatorKeyAsync(user),
            await users.CountRecoveryCodesAsync(user),
            user.Email ?? "");
    }

    public async Task<string> ResetAuthenticatorKeyAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await UserAsync(userId);
        Ensure(await users.ResetAuthenticatorKeyAsync(user), "create an authenticator key");
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("The authenticator key was not stored.");
    }

    public async Task<bool> TryUseAuthenticatorCodeAsync(Guid userId, string code, CancellationToken cancellationToken) =>
        await AuthenticatorCodes.TryUseAsync(users, await UserAsync(userId), code, clock.GetUtcNow());

    public async Task SetTwoFactorEnabledAsync(Guid userId, bool enabled, CancellationToken cancellationToken) =>
        Ensure(await users.SetTwoFactorEnabledAsync(await UserAsync(userId), enabled), "change two-factor authentication");

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Guid userId, int count, CancellationToken cancellationToken) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(await UserAsync(userId), count) ?? []];

    public async Task<IReadOnlyList<MailRecipient>> ListMailRecipientsAsync(
        string role, IReadOnlyCollection<Guid>? organizationIds, CancellationToken cancellationToken)
    {
        var people = db.Users.Where(u => u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (organizationIds is not null)
        {
            var ids = organizationIds.ToList();
            people = people.Where(u => ids.Contains(u.OrganizationId));
        }

        return await MailRecipients(people.OrderBy(u => u.Email)).ToListAsync(cancellationToken);
    }

    public async Task<MailRecipient?> FindMailRecipientAsync(Guid userId, CancellationToken cancellationToken) =>
        await MailRecipients(db.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync(cancellationToken);

    public async Task SetReceivesDigestAsync(Guid userId, bool receivesDigest, CancellationToken cancellationToken)
    {
        var user = await UserAsync(userId);
        user.ReceivesDigest = receivesDigest;
        Ensure(await users.UpdateAsync(user), "change the digest preference");
    }

    private static IQueryable<MailRecipient> MailRecipients(IQueryable<ApplicationUser> selected) =>
        selected.AsNoTracking().Where(u => u.Email != null).Select(u => new MailRecipient(
            u.Id, u.Email!, u.DisplayName, u.OrganizationId, u.PreferredLanguage, u.IsActive, u.ReceivesDigest));

    private IQueryable<AccountSummary> Summaries(IQueryable<ApplicationUser> selected) =>
        selected.AsNoTracking().Select(u => new AccountSummary(
            u.Id,
            u.Email ?? "",
            u.DisplayName,
            u.OrganizationId,
            db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                .OrderBy(name => name)
                .FirstOrDefault(),
            u.PreferredLanguage,
            u.IsActive,
            u.TwoFactorEnabled,
            u.CreatedAt));

    private async Task<ApplicationUser> UserAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No account {userId}.");

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>Identity's password rules (<c>PasswordTooShort</c>, …) and ours (<c>CommonPassword</c>) are about the password.</summary>
    private static string FieldOf(string code) =>
        code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email";
}
