using System.ComponentModel.DataAnnotations;
using Coordination.Application.People;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Account;

/// <summary>
/// Two-step sign-in with an authenticator app: its status; setting it up (the shared key, then a code to prove the app
/// has it); new recovery codes, shown once; turning it off (on its own confirmation page).
/// </summary>
public sealed class TwoFactorModel(ISender sender, SignInManager<ApplicationUser> signInManager, IStringLocalizer<SharedResource> t)
    : SignedInPageModel
{
    private const string CodesKey = "RecoveryCodes";

    [BindProperty]
    public EnableInput Input { get; set; } = new();

    /// <summary><c>verify</c> once a set-up was started: the key is shown with the form for the first code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Step { get; set; }

    public TwoFactorDto State { get; private set; } = new(false, 0, null, null);

    /// <summary>Recovery codes just generated: shown on this one response, never again.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public bool Verifying => !State.Enabled && State.SharedKey is not null && Step == "verify";

    /// <summary>The set-up address as a QR code for the app's camera, drawn here as SVG.</summary>
    public string? QrCodeSvg =>
        Verifying && State.AuthenticatorUri is { } uri ? QrCode.Svg(uri, t["QR code to scan with your authenticator app"]) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        State = await sender.Send(new GetTwoFactorQuery(), cancellationToken);
        if (TempData[CodesKey] is string codes)
            RecoveryCodes = codes.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        // The code's input is bound on every post of this page; it is not part of this form.
        ModelState.Clear();
        var (ok, _) = await this.TrySendAsync(sender, new StartTwoFactorSetupCommand(), cancellationToken: cancellationToken);
        if (!ok)
            return await ShowAsync(cancellationToken);
        await RefreshSignInAsync(signInManager);
        return RedirectToPage(new { step = "verify" });
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        Step = "verify";
        if (!ModelState.IsValid)
            return await ShowAsync(cancellationToken);
        var (ok, codes) = await this.TrySendAsync(sender, new EnableTwoFactorCommand(Input.Code), cancellationToken: cancellationToken);
        if (!ok)
            return await ShowAsync(cancellationToken);

        await RefreshSignInAsync(signInManager);
        TempData[CodesKey] = string.Join('\n', codes!.Codes);
        TempData["Notice"] = t["Two-step sign-in is on. From now on, signing in asks for a code from your app."].Value;
        return RedirectToPage(new { step = (string?)null });
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (ok, codes) = await this.TrySendAsync(sender, new GenerateRecoveryCodesCommand(), cancellationToken: cancellationToken);
        if (!ok)
            return await ShowAsync(cancellationToken);

        TempData[CodesKey] = string.Join('\n', codes!.Codes);
        TempData["Notice"] = t["New recovery codes were made. The earlier ones no longer work."].Value;
        return RedirectToPage(new { step = (string?)null });
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        State = await sender.Send(new GetTwoFactorQuery(), cancellationToken);
        return Page();
    }

    public sealed class EnableInput
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app.")]
        [StringLength(20, ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";
    }
}
