using System.ComponentModel.DataAnnotations;
using Coordination.Application.People;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Account;

public sealed class ChangePasswordModel(ISender sender, SignInManager<ApplicationUser> signInManager, IStringLocalizer<SharedResource> t)
    : SignedInPageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var (ok, _) = await this.TrySendAsync(
            sender, new ChangePasswordCommand(Input.CurrentPassword, Input.NewPassword), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        // The new security stamp ends the person's other sign-ins; this one is re-issued.
        await RefreshSignInAsync(signInManager);
        TempData["Notice"] = t["Your password has been changed."].Value;
        return Redirect("/account/profile");
    }

    public sealed class ChangePasswordInput : NewPasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";
    }
}
