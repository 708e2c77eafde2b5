using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coordination.Infrastructure.Identity;

internal sealed class CoordinationClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager, RoleManager<ApplicationRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CoordinationClaims.OrganizationId, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim(CoordinationClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(CoordinationClaims.PreferredLanguage, user.PreferredLanguage));
        return identity;
    }
}
