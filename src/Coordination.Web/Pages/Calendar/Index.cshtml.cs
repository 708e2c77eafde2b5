using Coordination.Application.Calendar;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.Organizations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Calendar;

/// <summary>
/// The organization's iCalendar feed address with how to subscribe to it. A focal point sees their own
/// organization's; the secretariat any organization's, chosen in the query string so the page can be bookmarked.
/// </summary>
public sealed class IndexModel(ISender sender, ICurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Organization { get; set; }

    public OrganizationDto Shown { get; private set; } = default!;

    public CalendarLinkDto Link { get; private set; } = default!;

    /// <summary>The organizations the secretariat may choose from; empty for anyone else.</summary>
    public IReadOnlyList<OrganizationDto> Choices { get; private set; } = [];

    public string RegeneratePath => $"/calendar/regenerate?organization={Shown.Id}";

    /// <summary>The same address for applications that open <c>webcal:</c> links (Apple Calendar, Outlook).</summary>
    public string WebcalLink => Uri.TryCreate(Link.Url, UriKind.Absolute, out var url)
        ? "webcal://" + url.Authority + url.PathAndQuery
        : Link.Url;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CalendarPage.OrganizationFor(me, Organization) is not { } organizationId)
            return Forbid();

        // The link first: whoever may not see it is refused before anything about the organization is read.
        Link = await sender.Send(new GetCalendarLinkQuery(organizationId), cancellationToken);
        Shown = await sender.Send(new GetOrganizationQuery(organizationId), cancellationToken);
        if (me.IsSecretariat())
            Choices = (await sender.Send(new ListOrganizationsQuery(PageSize: Paging.MaxPageSize), cancellationToken)).Items;
        return Page();
    }
}
