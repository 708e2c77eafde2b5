using System.Globalization;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.Organizations;
using Coordination.Domain.Organizations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Organizations;

/// <summary>The organizations, filtered by kind, country and name in the query string (bookmarks and the back button work).</summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public OrganizationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true, Name = "search")]
    public string? Search { get; set; }

    public Paged<OrganizationDto> Organizations { get; private set; } = new([], 1, PageSize, 0);

    public bool Filtered => Kind is not null || Country is not null || Search is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An address edited by hand with an unknown kind or country lists everything rather than failing.
        if (Kind is { } kind && !Enum.IsDefined(kind))
            Kind = null;
        Country = Country?.Trim().ToUpperInvariant() is { Length: > 0 } code && CountryCatalogue.IsKnown(code) ? code : null;
        Search = Search?.Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, 100)] : null;

        Organizations = await sender.Send(new ListOrganizationsQuery(Kind, Country, Search, PageNumber(), PageSize), cancellationToken);
    }

    /// <summary>Read from the query string: Razor Pages keeps a route value named "page" of its own.</summary>
    private int PageNumber() =>
        int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
}
