using Coordination.Application.Organizations;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Organizations;

public sealed class EditModel(ISender sender, IStringLocalizer<SharedResource> text) : OrganizationFormPage(sender, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string OrganizationName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organization = await Sender.Send(new GetOrganizationQuery(Id), cancellationToken);
        OrganizationName = organization.Name;
        Input = new OrganizationInput
        {
            Name = organization.Name,
            Acronym = organization.Acronym,
            Kind = organization.Kind,
            CountryCode = organization.CountryCode,
            Version = organization.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (ok, organization) = await this.TrySendAsync(Sender, new UpdateOrganizationCommand(
                Id, Input.Name!, Input.Acronym!, Input.Kind!.Value,
                string.IsNullOrWhiteSpace(Input.CountryCode) ? null : Input.CountryCode, Input.Version ?? ""),
                cancellationToken: cancellationToken);
            if (ok)
            {
                TempData["Notice"] = Text["The organization {0} was saved.", organization!.Name].Value;
                return Redirect($"/organizations/{organization.Id}");
            }
        }

        OrganizationName = (await Sender.Send(new GetOrganizationQuery(Id), cancellationToken)).Name;
        return Page();
    }
}
