using System.ComponentModel.DataAnnotations;
using Coordination.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Account;

/// <summary>
/// The second step of signing in for a person who turned two-factor authentication on: the code of their
/// authenticator app, or one of their recovery codes. Each app code is accepted once (<see cref="AuthenticatorCodes"/>).
/// </summary>
public sealed class SignInTwoFactorModel(
    SignInManager<ApplicationUser> signInManager, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty]
    public RecoveryInput Recovery { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? StartAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return StartAgain();
        OnlyErrorsOf("Input");
        if (!ModelState.IsValid)
            return Page();

        var users = signInManager.UserManager;
        if (await users.IsLockedOutAsync(user))
            return Refused("Input.Code", locked: true);

        // Identity alone would accept the same code again within its window: the single-use check comes first, and a
        // refused code counts as a failed attempt towards the lockout.
        if (!await AuthenticatorCodes.TryUseAsync(users, user, Input.Code, clock.GetUtcNow()))
        {
            await users.AccessFailedAsync(user);
            return Refused("Input.Code", await users.IsLockedOutAsync(user));
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(AuthenticatorCodes.Normalize(Input.Code), RememberMe, Input.RememberDevice);
        return result.Succeeded ? LocalRedirect(SafeReturnUrl) : Refused("Input.Code", result.IsLockedOut);
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
            return StartAgain();
        OnlyErrorsOf("Recovery");
        if (!ModelState.IsValid)
            return Page();

        var code = new string(Recovery.Code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        return result.Succeeded ? LocalRedirect(SafeReturnUrl) : Refused("Recovery.Code", result.IsLockedOut);
    }

    /// <summary>
    /// Both forms' models are bound on every post; the one not sent is bound under the empty prefix and reports its
    /// required field missing. Only the errors of the form that was sent count.
    /// </summary>
    private void OnlyErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    /// <summary>The password step was too long ago (or never happened): back to it.</summary>
    private IActionResult StartAgain()
    {
        TempData["Notice"] = t["Sign in again: the time to enter the code has passed."].Value;
        return RedirectToPage("/Account/SignIn", new { returnUrl = SafeReturnUrl });
    }

    private PageResult Refused(string field, bool locked)
    {
        ModelState.AddModelError(field, locked
            ? t["This account is locked after too many failed sign-ins. Try again in 15 minutes."]
            : field == "Input.Code"
                ? t["The code is not correct, or it was already used. Enter the code your app shows now."]
                : t["This recovery code is not correct, or it was already used."]);
        return Page();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app.")]
        [StringLength(20, ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";

        [Display(Name = "Do not ask for a code on this device for 14 days")]
        public bool RememberDevice { get; set; }
    }

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Enter one of your recovery codes.")]
        [StringLength(40, ErrorMessage = "Enter one of your recovery codes.")]
        [Display(Name = "Recovery code")]
        public string Code { get; set; } = "";
    }
}
