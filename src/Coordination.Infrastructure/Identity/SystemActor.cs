using Coordination.Application.Common.Security;

namespace Coordination.Infrastructure.Identity;

/// <summary>
/// The system as an actor: jobs run without an HTTP request, so a job switches its own scope to this identity before
/// sending its message (<see cref="Activate"/>). It acts as the secretariat; audit entries name it with a fixed id
/// and the address below. Requests never switch it on.
/// </summary>
public sealed class SystemActor : ICurrentUser
{
    /// <summary>Fixed, so audit entries written by jobs are recognisable; no account has it.</summary>
    public static readonly Guid Id = Guid.Parse("0196f0a0-0000-7000-8000-0000000000ff");

    public const string Address = "system@coordination.invalid";

    private static readonly IReadOnlyList<string> SystemRoles = [Application.Common.Security.Roles.Secretariat];

    /// <summary>Whether this scope runs as the system.</summary>
    public bool IsActive { get; private set; }

    public void Activate() => IsActive = true;

    public bool IsAuthenticated => true;

    public Guid? UserId => Id;

    public string? Email => Address;

    public string? DisplayName => "Coordination (automatic)";

    public Guid? OrganizationId => null;

    public IReadOnlyList<string> Roles => SystemRoles;

    public bool IsInRole(string role) => SystemRoles.Contains(role, StringComparer.Ordinal);
}

/// <summary>The scope's actor: the system when a job switched it on, otherwise the person behind the HTTP request.</summary>
internal sealed class CurrentUser(SystemActor system, HttpCurrentUser http) : ICurrentUser
{
    private ICurrentUser Actual => system.IsActive ? system : http;

    public bool IsAuthenticated => Actual.IsAuthenticated;

    public Guid? UserId => Actual.UserId;

    public string? Email => Actual.Email;

    public string? DisplayName => Actual.DisplayName;

    public Guid? OrganizationId => Actual.OrganizationId;

    public IReadOnlyList<string> Roles => Actual.Roles;

    public bool IsInRole(string role) => Actual.IsInRole(role);
}
