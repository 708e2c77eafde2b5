using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
/// The invitation mail's link: the invited person chooses their name, password and language, and is signed in.
/// A used, expired or unknown link says so, and what to do.
/// </summary>
public sealed class AcceptInvitationModel(ISender sender, SignInManager<ApplicationUser> signInManager, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInvitationInput Input { get; set; } = new();

    public InvitationPreviewDto Invitation { get; private set; } = new(InvitationState.Unknown, null, null, null, null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Invitation = await sender.Send(new GetInvitationByTokenQuery(Token ?? ""), cancellationToken);
        Input.PreferredLanguage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Languages.Spanish ? Languages.Spanish : Languages.English;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Invitation = await sender.Send(new GetInvitationByTokenQuery(Token ?? ""), cancellationToken);
        if (Invitation.State != InvitationState.Usable || !ModelState.IsValid)
            return Page();

        var (ok, accepted) = await this.TrySendAsync(
            sender,
            new AcceptInvitationCommand(Token!, Input.DisplayName, Input.NewPassword, Input.PreferredLanguage),
            cancellationToken: cancellationToken);
        if (!ok)
        {
            NewPasswordInput.ShowBesideNewPassword(ModelState, $"Input.{nameof(AcceptInvitationCommand.Password)}");
            Invitation = await sender.Send(new GetInvitationByTokenQuery(Token!), cancellationToken);
            return Page();
        }

        var user = await signInManager.UserManager.FindByIdAsync(accepted!.UserId.ToString())
            ?? throw new InvalidOperationException("The account just created was not found.");
        await signInManager.SignInAsync(user, isPersistent: false);
        CultureCookie.Set(Response, user.PreferredLanguage);
        CultureInfo.CurrentUICulture = Setup.LocalizationSetup.Normalize(user.PreferredLanguage);
        TempData["Notice"] = t["Welcome to Coordination! Your account is ready."].Value;
        return Redirect("/");
    }

    public sealed class AcceptInvitationInput : NewPasswordInput
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
