using Coordination.Application.Common.Security;
using Coordination.Application.Organizations;
using Coordination.Application.People;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Organizations;

/// <summary>Deactivating an account is confirmed on its own page: the person is signed out everywhere and cannot sign in.</summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class DeactivatePersonModel(ISender sender, ICurrentUser me, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PersonDto Person { get; private set; } = default!;

    public OrganizationDto Organization { get; private set; } = default!;

    public bool IsMe => Person.Id == me.UserId;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (ok, _) = await this.TrySendAsync(sender, new DeactivatePersonCommand(Id), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = t["The account of {0} is deactivated. They can no longer sign in.", Person.DisplayName].Value;
        return Redirect($"/organizations/{Person.OrganizationId}#people-heading");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Person = await sender.Send(new GetPersonQuery(Id), cancellationToken);
        Organization = await sender.Send(new GetOrganizationQuery(Person.OrganizationId), cancellationToken);
    }
}
