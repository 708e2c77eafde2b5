using Coordination.Application.Calendar;
using Coordination.Application.Common.Security;
using Coordination.Application.Organizations;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Calendar;

/// <summary>A new calendar link breaks every subscription made with the old one: it asks first.</summary>
public sealed class RegenerateModel(ISender sender, ICurrentUser me, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Organization { get; set; }

    public OrganizationDto Shown { get; private set; } = default!;

    public string BackPath => CalendarPage.PathFor(me, Shown.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CalendarPage.OrganizationFor(me, Organization) is not { } organizationId)
            return Forbid();

        // Whoever may not see the link may not regenerate it either: refused here, before the question is asked.
        await sender.Send(new GetCalendarLinkQuery(organizationId), cancellationToken);
        Shown = await sender.Send(new GetOrganizationQuery(organizationId), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (CalendarPage.OrganizationFor(me, Organization) is not { } organizationId)
            return Forbid();

        var (ok, _) = await this.TrySendAsync(sender, new RegenerateCalendarLinkCommand(organizationId), cancellationToken: cancellationToken);
        Shown = await sender.Send(new GetOrganizationQuery(organizationId), cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = text["The calendar link of {0} was regenerated. The old link no longer works: subscribe again with this one.", Shown.Acronym].Value;
        return Redirect(BackPath);
    }
}
