using Coordination.Application.ActionPoints;
using Coordination.Application.Common.Paging;
using Coordination.Application.Forums;
using Coordination.Application.Organizations;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;
using Coordination.Web.Pages.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.ActionPoints;

/// <summary>Every filter is in the query string (a GET form), so the back button and bookmarks keep them.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "forum")]
    public Guid? Forum { get; set; }

    [BindProperty(SupportsGet = true, Name = "conclusion")]
    public Guid? Conclusion { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true, Name = "organization")]
    public Guid? Organization { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public AssignmentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool? Overdue { get; set; }

    public Paged<ActionPointDto> ActionPoints { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<ForumDto> Forums { get; private set; } = [];

    public IReadOnlyList<ConclusionDto> Conclusions { get; private set; } = [];

    public IReadOnlyList<OrganizationDto> Organizations { get; private set; } = [];

    public IReadOnlyList<string> Countries { get; private set; } = [];

    public bool Filtered => Forum is not null || Conclusion is not null || Country is not null || Organization is not null
        || Status is not null || Overdue is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A country the catalogue does not know matches nothing the form offers: dropped, like any other unreadable filter.
        Country = Country?.Trim().ToUpperInvariant() is { Length: > 0 } code && CountryCatalogue.IsKnown(code) ? code : null;

        Forums = await sender.ReadAllAsync(page => new ListForumsQuery(Page: page, PageSize: Paging.MaxPageSize), cancellationToken);
        if (Forum is { } forumId)
        {
            Conclusions = await sender.ReadAllAsync(
                page => new ListConclusionsQuery(forumId, Page: page, PageSize: Paging.MaxPageSize), cancellationToken);
        }

        Organizations = await sender.AllOrganizationsAsync(cancellationToken);
        Countries = [.. Organizations
            .Where(o => o.Kind == OrganizationKind.MemberStateInstitution && o.CountryCode is not null)
            .Select(o => o.CountryCode!.Trim())
            .Distinct()
            .OrderBy(PageReads.CountryName, StringComparer.CurrentCulture)];

        ActionPoints = await sender.Send(
            new ListActionPointsQuery(Forum, Conclusion, Organization, Country, Status, Overdue, PageReads.PageNumber(Request), PageSize),
            cancellationToken);
    }
}
