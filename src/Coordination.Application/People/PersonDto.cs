namespace Coordination.Application.People;

/// <summary>A person with an account; <c>role</c> is <c>Secretariat</c>, <c>FocalPoint</c> or <c>Viewer</c>.</summary>
public sealed record PersonDto(
    Guid Id, string DisplayName, string Email, string? Role, Guid OrganizationId, bool IsActive, bool TwoFactorEnabled, DateTime CreatedAt)
{
    public static PersonDto From(AccountSummary account) =>
        new(account.Id, account.DisplayName, account.Email, account.Role, account.OrganizationId, account.IsActive, account.TwoFactorEnabled, account.CreatedAt);
}

/// <summary>An invitation not yet accepted and not yet expired.</summary>
public sealed record PendingInvitationDto(Guid Id, string Email, string Role, DateTime CreatedAt, DateTime ExpiresAt);
