using System.Security.Claims;
using Coordination.Application.Common.Security;
using Microsoft.AspNetCore.Http;

namespace Coordination.Infrastructure.Identity;

/// <summary>The person behind the current HTTP request, read from the sign-in's claims.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => GuidClaim(ClaimTypes.NameIdentifier);

    public string? Email => Claim(ClaimTypes.Email) ?? Claim(ClaimTypes.Name);

    public string? DisplayName => Claim(CoordinationClaims.DisplayName);

    public Guid? OrganizationId => GuidClaim(CoordinationClaims.OrganizationId);

    public IReadOnlyList<string> Roles =>
        IsAuthenticated ? Principal!.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() : [];

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);

    private string? Claim(string type) => IsAuthenticated ? Principal!.FindFirstValue(type) : null;

    private Guid? GuidClaim(string type) => Guid.TryParse(Claim(type), out var id) ? id : null;
}
