using Coordination.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Account;

/// <summary>Sign-out is a POST (with the antiforgery token), so a link in a mail or another site cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return Redirect("/account/sign-in");
    }
}
