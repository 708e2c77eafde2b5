using Coordination.Application.People;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Infrastructure.Identity;

/// <summary>
/// Accounts through Identity's <see cref="UserManager{TUser}"/>. Its store saves through the scope's one
/// <c>CoordinationDbContext</c>, so inside a command the saves join the unit of work's open transaction and are
/// rolled back with it.
/// </summary>
internal sealed class IdentityAccounts(UserManager<ApplicationUser> users) : IAccounts
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

    /// <summary>Identity's password rules (<c>PasswordTooShort</c>, …) and ours (<c>CommonPassword</c>) are about the password.</summary>
    private static string FieldOf(string code) =>
        code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email";
}
