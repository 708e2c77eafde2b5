using Coordination.Application.People;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Account;

/// <summary>Turning two-step sign-in off weakens the account: it is confirmed on a page of its own.</summary>
public sealed class DisableTwoFactorModel(ISender sender, SignInManager<ApplicationUser> signInManager, IStringLocalizer<SharedResource> t)
    : SignedInPageModel
{
    public bool Enabled { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Enabled = (await sender.Send(new GetTwoFactorQuery(), cancellationToken)).Enabled;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (ok, _) = await this.TrySendAsync(sender, new DisableTwoFactorCommand(), cancellationToken: cancellationToken);
        if (!ok)
        {
            Enabled = (await sender.Send(new GetTwoFactorQuery(), cancellationToken)).Enabled;
            return Page();
        }

        await RefreshSignInAsync(signInManager);
        // A device remembered for skipping the code must not skip it the next time this is turned on.
        await signInManager.ForgetTwoFactorClientAsync();
        TempData["Notice"] = t["Two-step sign-in is off. Your password alone signs you in."].Value;
        return Redirect("/account/two-factor");
    }
}
