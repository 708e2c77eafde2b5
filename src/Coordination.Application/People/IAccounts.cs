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
}

public sealed record NewAccount(
    Guid Id, string Email, string DisplayName, Guid OrganizationId, string Role, string PreferredLanguage, DateTime CreatedAt);

/// <summary>The outcome of creating an account; errors are keyed by the input field they are about.</summary>
public sealed record AccountCreation(bool Succeeded, bool EmailTaken, IReadOnlyList<AccountError> Errors)
{
    public static AccountCreation Success { get; } = new(true, false, []);
}

public sealed record AccountError(string Field, string Message);
