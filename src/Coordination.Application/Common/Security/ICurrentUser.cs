namespace Coordination.Application.Common.Security;

/// <summary>Who is running the use case: a signed-in person, or the system when a job runs it.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    string? Email { get; }

    string? DisplayName { get; }

    Guid? OrganizationId { get; }

    IReadOnlyList<string> Roles { get; }

    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static bool IsSecretariat(this ICurrentUser user) => user.IsInRole(Security.Roles.Secretariat);

    /// <summary>Whether the person may act for <paramref name="organizationId"/>: the secretariat anywhere, others only for their own.</summary>
    public static bool MayActFor(this ICurrentUser user, Guid organizationId) =>
        user.IsSecretariat() || (user.IsInRole(Security.Roles.FocalPoint) && user.OrganizationId == organizationId);
}
