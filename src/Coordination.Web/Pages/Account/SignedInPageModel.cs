using Coordination.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Account;

/// <summary>
/// The account pages a person uses once signed in (profile, password, two-factor). The /Account folder is open to
/// anonymous visitors for sign-in, and an [Authorize] on a page cannot override that folder's [AllowAnonymous], so
/// these pages ask for a sign-in themselves.
/// </summary>
public abstract class SignedInPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            context.Result = Challenge();
            return;
        }

        await next();
    }

    /// <summary>
    /// A change of password, profile or two-factor setting renews the security stamp or the claims: the person's own
    /// cookie is re-issued so they stay signed in here (their other sign-ins end at their next validation).
    /// </summary>
    protected async Task RefreshSignInAsync(SignInManager<ApplicationUser> signInManager)
    {
        if (await signInManager.UserManager.GetUserAsync(User) is { } user)
            await signInManager.RefreshSignInAsync(user);
    }
}
