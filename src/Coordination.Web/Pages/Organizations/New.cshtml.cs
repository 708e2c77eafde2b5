using Coordination.Application.Organizations;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Organizations;

public sealed class NewModel(ISender sender, IStringLocalizer<SharedResource> text) : OrganizationFormPage(sender, text)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var (ok, organization) = await this.TrySendAsync(Sender, new CreateOrganizationCommand(
            Input.Name!, Input.Acronym!, Input.Kind!.Value, string.IsNullOrWhiteSpace(Input.CountryCode) ? null : Input.CountryCode),
            cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = Text["The organization {0} was added. Invite its people below.", organization!.Name].Value;
        return Redirect($"/organizations/{organization.Id}");
    }
}
