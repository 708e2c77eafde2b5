using Coordination.Application.People;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Account;

/// <summary>The page the reset mail links to: choose a new password. The link works once.</summary>
public sealed class ResetPasswordModel(ISender sender, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    /// <summary>Whether the address has the two parts the mail's link carries.</summary>
    public bool LinkComplete => !string.IsNullOrWhiteSpace(Input.Email) && !string.IsNullOrWhiteSpace(Input.Token);

    public void OnGet(string? email, string? token) => Input = new ResetPasswordInput { Email = email ?? "", Token = token ?? "" };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LinkComplete || !ModelState.IsValid)
            return Page();
        var (ok, _) = await this.TrySendAsync(
            sender, new ResetPasswordCommand(Input.Email, Input.Token, Input.NewPassword), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = t["Your password has been changed. Sign in with your new password."].Value;
        return RedirectToPage("/Account/SignIn");
    }

    public sealed class ResetPasswordInput : NewPasswordInput
    {
        public string Email { get; set; } = "";

        public string Token { get; set; } = "";
    }
}
