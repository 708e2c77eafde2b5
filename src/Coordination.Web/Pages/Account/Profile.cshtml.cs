using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.People;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Account;

/// <summary>
/// The person's own account: their name, the language of their pages and mails, the weekly digest (the secretariat's
/// mail), and links to the security settings.
/// </summary>
public sealed class ProfileModel(ISender sender, SignInManager<ApplicationUser> signInManager, ICurrentUser me, IStringLocalizer<SharedResource> t)
    : SignedInPageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public ProfileDto Profile { get; private set; } = default!;

    /// <summary>The secretariat's mail preferences; null for everyone else, to whom the digest never goes.</summary>
    public MyPreferencesDto? Preferences { get; private set; }

    public bool ReceivesReminders => me.IsInRole(Roles.FocalPoint);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new ProfileInput { DisplayName = Profile.DisplayName, PreferredLanguage = Profile.PreferredLanguage };
    }

    public async Task<IActionResult> OnPostMailAsync(bool receivesDigest, CancellationToken cancellationToken)
    {
        // Only the switch is posted here: the name and language form's fields are not this form's errors.
        ModelState.Clear();
        if (!me.IsSecretariat())
            return Forbid();
        var (ok, saved) = await this.TrySendAsync(sender, new UpdateMyPreferencesCommand(receivesDigest), prefix: "", cancellationToken: cancellationToken);
        if (!ok)
        {
            await LoadAsync(cancellationToken);
            Input = new ProfileInput { DisplayName = Profile.DisplayName, PreferredLanguage = Profile.PreferredLanguage };
            return Page();
        }

        TempData["Notice"] = (saved!.ReceivesDigest
            ? t["You will receive the weekly digest every Monday."]
            : t["You will no longer receive the weekly digest."]).Value;
        return Redirect("/account/profile");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (ok, _) = await this.TrySendAsync(
                sender, new UpdateProfileCommand(Input.DisplayName, Input.PreferredLanguage), cancellationToken: cancellationToken);
            if (ok)
            {
                // The name and language travel in the sign-in's claims; the cookie makes the new language win at once.
                await RefreshSignInAsync(signInManager);
                CultureCookie.Set(Response, Input.PreferredLanguage);
                CultureInfo.CurrentUICulture = LocalizationSetup.Normalize(Input.PreferredLanguage);
                TempData["Notice"] = t["Your profile is saved."].Value;
                return Redirect("/account/profile");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Profile = await sender.Send(new GetProfileQuery(), cancellationToken);
        Preferences = me.IsSecretariat() ? await sender.Send(new GetMyPreferencesQuery(), cancellationToken) : null;
    }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Enter your name as colleagues will see it.")]
        [StringLength(150, ErrorMessage = "The name can have at most 150 characters.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose a language.")]
        [Display(Name = "Language of the pages and mails")]
        public string PreferredLanguage { get; set; } = Languages.English;
    }
}
