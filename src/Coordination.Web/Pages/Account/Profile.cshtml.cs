using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coordination.Application.People;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Account;

/// <summary>The person's own account: their name, the language of their pages and mails, and links to the security settings.</summary>
public sealed class ProfileModel(ISender sender, SignInManager<ApplicationUser> signInManager, IStringLocalizer<SharedResource> t)
    : SignedInPageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public ProfileDto Profile { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Profile = await sender.Send(new GetProfileQuery(), cancellationToken);
        Input = new ProfileInput { DisplayName = Profile.DisplayName, PreferredLanguage = Profile.PreferredLanguage };
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

        Profile = await sender.Send(new GetProfileQuery(), cancellationToken);
        return Page();
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
