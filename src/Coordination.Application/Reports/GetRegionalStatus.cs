using System.Globalization;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports;

/// <summary>
/// A forum's regional status: the figures overall and by country, organization, theme, GCM objective and SDG target
/// (api.md "Report figures"). Anonymous callers get it only for a published report (see <see cref="ReportAccess"/>).
/// </summary>
public sealed record GetRegionalStatusQuery(ReportFilter Filter) : IQuery<RegionalStatusDto>, IAllowAnonymous, IReportQuery;

/// <param name="AsOf">The forum's day the figures were counted on (the overdue and at-risk flags depend on it).</param>
/// <param name="ByCountry">Member-state institutions only: partners without a country are in the other breakdowns.</param>
/// <param name="ByTheme">Themes, GCM objectives and SDG targets are those of each action point's conclusion; an assignment counts in each tag.</param>
public sealed record RegionalStatusDto(
    Guid ForumId,
    string ForumTitle,
    DateOnly AsOf,
    bool Published,
    ReportFilter Filter,
    ReportFiguresDto Overall,
    IReadOnlyList<ReportBreakdownItemDto> ByCountry,
    IReadOnlyList<ReportBreakdownItemDto> ByOrganization,
    IReadOnlyList<ReportBreakdownItemDto> ByTheme,
    IReadOnlyList<ReportBreakdownItemDto> ByGcmObjective,
    IReadOnlyList<ReportBreakdownItemDto> BySdgTarget);

public sealed class GetRegionalStatusValidator : AbstractValidator<GetRegionalStatusQuery>
{
    public GetRegionalStatusValidator() => this.AddReportFilterRules();
}

public sealed class GetRegionalStatusHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetRegionalStatusQuery, RegionalStatusDto>
{
    public async ValueTask<RegionalStatusDto> Handle(GetRegionalStatusQuery query, CancellationToken cancellationToken)
    {
        var forum = await db.ReadableReportForumAsync(user, query.Filter.ForumId, cancellationToken);
        return await RegionalStatus.ReadAsync(db, forum, query.Filter, forum.Today(clock), cancellationToken);
    }
}

/// <summary>The computation behind the JSON, the pages and the exports, so they cannot disagree.</summary>
public static class RegionalStatus
{
    public static async Task<RegionalStatusDto> ReadAsync(
        ICoordinationDbContext db, ReportForum forum, ReportFilter filter, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rows = filter.Apply(db, db.AssignmentStatuses.AsNoTracking()).Flagged(asOf.DayNumber);

        var overall = await rows.OverallAsync(cancellationToken);
        // Countries are the member states: a partner with an address abroad (a donor) is not a country of the forum.
        var byCountry = await rows.Where(r => r.OrganizationKind == OrganizationKind.MemberStateInstitution && r.CountryCode != null).GroupBy(r => r.CountryCode!).TotalsAsync(cancellationToken);
        var byOrganization = await rows.GroupBy(r => r.OrganizationId).TotalsAsync(cancellationToken);

        // Themes and tags are the conclusion's, and every assignment has one conclusion: the database counts per
        // conclusion, and each tag adds up the counts of the conclusions carrying it (exact, as the counts are sums).
        // Grouping by the tags themselves needs a lateral join (APPLY), which SQLite cannot run.
        var byConclusion = (await rows.GroupBy(r => r.ConclusionId).TotalsAsync(cancellationToken)).ToDictionary(t => t.Key);
        var conclusions = (await db.Conclusions.AsNoTracking()
                .Where(c => c.ForumId == forum.Id)
                .Select(c => new ConclusionTags(c.Id, c.Theme, c.GcmObjectives, c.SdgTargets))
                .ToListAsync(cancellationToken))
            .Where(c => byConclusion.ContainsKey(c.Id))
            .ToList();
        List<FigureTotals<TKey>> ByTag<TKey>(Func<ConclusionTags, IEnumerable<TKey>> tags)
            where TKey : notnull =>
            conclusions
                .SelectMany(c => tags(c).Select(tag => (Tag: tag, Totals: byConclusion[c.Id])))
                .GroupBy(x => x.Tag)
                .Select(g => ReportFigures.Sum(g.Key, g.Select(x => x.Totals)))
                .ToList();
        var byTheme = ByTag<string>(c => [c.Theme]);
        var byObjective = ByTag(c => c.GcmObjectives);
        var byTarget = ByTag(c => c.SdgTargets);

        var organizationIds = byOrganization.Select(o => o.Key).ToList();
        var organizationNames = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        return new RegionalStatusDto(
            forum.Id,
            forum.Title,
            asOf,
            forum.ReportPublished,
            filter,
            overall.ToDto(),
            byCountry.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.ToItem(c.Key, CountryCatalogue.Find(c.Key)?.NameEn ?? c.Key)).ToList(),
            byOrganization.Select(o => o.ToItem(o.Key.ToString(), organizationNames.GetValueOrDefault(o.Key, "")))
                .OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Key, StringComparer.Ordinal).ToList(),
            byTheme.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Select(t => t.ToItem(t.Key, t.Key)).ToList(),
            byObjective.OrderBy(o => o.Key)
                .Select(o => o.ToItem(o.Key.ToString(CultureInfo.InvariantCulture), GcmObjectiveLabel(o.Key))).ToList(),
            byTarget.OrderBy(t => t.Key, SdgTargetOrder.Instance).Select(t => t.ToItem(t.Key, t.Key)).ToList());
    }

    private sealed record ConclusionTags(Guid Id, string Theme, List<int> GcmObjectives, List<string> SdgTargets);

    public static string GcmObjectiveLabel(int objective) => $"GCM objective {objective.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>SDG targets in the order of the goals and targets (2.1 before 10.7; 10.7 before 10.a), not as text.</summary>
public sealed class SdgTargetOrder : IComparer<string>
{
    public static readonly SdgTargetOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var (goalX, targetX) = Split(x);
        var (goalY, targetY) = Split(y);
        var byGoal = goalX.CompareTo(goalY);
        if (byGoal != 0)
            return byGoal;
        var numericX = int.TryParse(targetX, CultureInfo.InvariantCulture, out var nx);
        var numericY = int.TryParse(targetY, CultureInfo.InvariantCulture, out var ny);
        return (numericX, numericY) switch
        {
            (true, true) => nx.CompareTo(ny),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(targetX, targetY),
        };
    }

    private static (int Goal, string Target) Split(string? target)
    {
        var parts = (target ?? "").Split('.', 2);
        return (int.TryParse(parts[0], CultureInfo.InvariantCulture, out var goal) ? goal : int.MaxValue, parts.Length > 1 ? parts[1] : "");
    }
}
