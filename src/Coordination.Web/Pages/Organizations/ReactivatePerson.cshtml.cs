using Coordination.Application.Common.Security;
using Coordination.Application.People;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Organizations;

/// <summary>Reopens a deactivated account; the organization page's button posts here, the page itself asks to confirm.</summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class ReactivatePersonModel(ISender sender, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PersonDto Person { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Person = await sender.Send(new GetPersonQuery(Id), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Person = await sender.Send(new GetPersonQuery(Id), cancellationToken);
        var (ok, _) = await this.TrySendAsync(sender, new ReactivatePersonCommand(Id), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = t["The account of {0} is active again. They sign in with the password they had.", Person.DisplayName].Value;
        return Redirect($"/organizations/{Person.OrganizationId}#people-heading");
    }
}
