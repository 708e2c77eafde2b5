using System.ComponentModel.DataAnnotations;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.Organizations;
using Coordination.Application.People;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Organizations;

/// <summary>One organization with its people, the invitations still open, and the form to invite someone.</summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class DetailsModel(ISender sender, IOutboxDispatchTrigger outbox, ICurrentUser me, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public OrganizationDto Organization { get; private set; } = default!;

    public IReadOnlyList<PersonDto> People { get; private set; } = [];

    public IReadOnlyList<PendingInvitationDto> Invitations { get; private set; } = [];

    public Guid? MyId => me.UserId;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (ok, invitation) = await this.TrySendAsync(
                sender, new InvitePersonCommand(Id, Input.Email.Trim(), Input.Role, Input.Language), cancellationToken: cancellationToken);
            if (ok)
            {
                // Committed by now: the dispatcher will see the mail.
                outbox.DispatchSoon();
                TempData["Notice"] = t["An invitation was sent to {0}. The link in it works for 7 days.", invitation!.Email].Value;
                return Redirect($"/organizations/{Id}#people-heading");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organization = await sender.Send(new GetOrganizationQuery(Id), cancellationToken);
        People = await sender.Send(new ListPeopleQuery(Id), cancellationToken);
        Invitations = await sender.Send(new ListPendingInvitationsQuery(Id), cancellationToken);
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the person's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = Roles.FocalPoint;

        [Required(ErrorMessage = "Choose a language.")]
        [Display(Name = "Language of the invitation")]
        public string Language { get; set; } = Languages.Spanish;
    }
}
