using System.Globalization;
using Coordination.Application.Common.Paging;
using Coordination.Application.Organizations;
using Coordination.Domain.Organizations;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Forums;

/// <summary>What the forum and action-point pages read the same way.</summary>
public static class PageReads
{
    /// <summary>
    /// Every item of a paged list: a forum's conclusions and action points, and the organizations to choose from,
    /// are shown whole on one page, while the queries keep their page-size limit.
    /// </summary>
    public static async Task<List<T>> ReadAllAsync<T>(this ISender sender, Func<int, IQuery<Paged<T>>> pageQuery, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        for (var page = 1; ; page++)
        {
            var result = await sender.Send(pageQuery(page), cancellationToken);
            items.AddRange(result.Items);
            if (result.Items.Count == 0 || items.Count >= result.TotalCount)
                return items;
        }
    }

    /// <summary>
    /// The <c>page</c> of the query string (what the pager writes). Not model-bound: Razor Pages keeps its own route
    /// value named "page", which would win over the query string.
    /// </summary>
    public static int PageNumber(HttpRequest request) =>
        int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    public static Task<List<OrganizationDto>> AllOrganizationsAsync(this ISender sender, CancellationToken cancellationToken) =>
        sender.ReadAllAsync(page => new ListOrganizationsQuery(Page: page, PageSize: Paging.MaxPageSize), cancellationToken);

    /// <summary>The country's name in the reader's language, or the code when the catalogue does not know it.</summary>
    public static string CountryName(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return "—";
        return CountryCatalogue.Find(code.Trim()) is { } country
            ? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? country.NameEs : country.NameEn)
            : code;
    }

    /// <summary>
    /// Member-state institutions by country (the way the secretariat thinks of them), then partners by kind.
    /// </summary>
    public static IReadOnlyList<OrganizationGroup> GroupOrganizations(IEnumerable<OrganizationDto> organizations, IStringLocalizer t)
    {
        var list = organizations.ToList();
        var byCountry = list
            .Where(o => o.Kind == OrganizationKind.MemberStateInstitution)
            .GroupBy(o => o.CountryCode ?? "")
            .Select(g => new OrganizationGroup($"country-{g.Key}", CountryName(g.Key), [.. g.OrderBy(o => o.Name, StringComparer.CurrentCulture)]))
            .OrderBy(g => g.Label, StringComparer.CurrentCulture);
        var byKind = list
            .Where(o => o.Kind != OrganizationKind.MemberStateInstitution)
            .GroupBy(o => o.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new OrganizationGroup($"kind-{g.Key}", t[g.Key.ToString()], [.. g.OrderBy(o => o.Name, StringComparer.CurrentCulture)]));
        return [.. byCountry, .. byKind];
    }
}

public sealed record OrganizationGroup(string Key, string Label, IReadOnlyList<OrganizationDto> Organizations);

/// <summary>The model of <c>_OrganizationChoices</c>: checkboxes grouped by country and kind.</summary>
/// <param name="Name">The form field, e.g. <c>Input.ParticipantIds</c>.</param>
/// <param name="Disabled">Shown but not choosable (e.g. already assigned), with <paramref name="DisabledNote"/>.</param>
public sealed record OrganizationChoices(
    string Name, string Legend, IReadOnlyList<OrganizationGroup> Groups, IReadOnlySet<Guid> Selected, IReadOnlySet<Guid> Disabled,
    string? DisabledNote = null, string? Help = null);
