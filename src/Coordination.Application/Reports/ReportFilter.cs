using System.Globalization;
using System.Text;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Forums;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Application.Reports;

/// <summary>
/// What a report covers: one forum, optionally narrowed to a country, a kind of organization, a theme, a GCM objective
/// or an SDG target. Every report query, page and export takes it, and links carry it in the query string under the
/// names of <see cref="Keys"/>.
/// </summary>
public sealed record ReportFilter(
    Guid ForumId,
    string? CountryCode = null,
    OrganizationKind? OrganizationKind = null,
    string? Theme = null,
    int? GcmObjective = null,
    string? SdgTarget = null)
{
    /// <summary>The query-string names, the same on the API, the pages and the export links.</summary>
    public static class Keys
    {
        public const string ForumId = "forumId";
        public const string CountryCode = "countryCode";
        public const string OrganizationKind = "organizationKind";
        public const string Theme = "theme";
        public const string GcmObjective = "gcmObjective";
        public const string SdgTarget = "sdgTarget";
    }

    /// <summary>Whether anything narrows the report below the whole forum.</summary>
    public bool IsNarrowed =>
        CountryCode is not null || OrganizationKind is not null || Theme is not null || GcmObjective is not null || SdgTarget is not null;

    /// <summary>The filter as query-string pairs (forum first, empty ones left out), escaped, without the leading <c>?</c>.</summary>
    public string ToQueryString()
    {
        var pairs = new StringBuilder();
        foreach (var (key, value) in Pairs())
        {
            if (pairs.Length > 0)
                pairs.Append('&');
            pairs.Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return pairs.ToString();
    }

    /// <summary>The non-empty filter values by query-string name, for route values and links.</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        yield return new(Keys.ForumId, ForumId.ToString());
        if (CountryCode is not null)
            yield return new(Keys.CountryCode, CountryCode);
        if (OrganizationKind is { } kind)
            yield return new(Keys.OrganizationKind, kind.ToString());
        if (Theme is not null)
            yield return new(Keys.Theme, Theme);
        if (GcmObjective is { } objective)
            yield return new(Keys.GcmObjective, objective.ToString(CultureInfo.InvariantCulture));
        if (SdgTarget is not null)
            yield return new(Keys.SdgTarget, SdgTarget);
    }

    /// <summary>
    /// Reads a filter from query-string values (<paramref name="value"/> answers a name of <see cref="Keys"/>, null
    /// or blank when absent). Values are trimmed, the country upper-cased. Every value that cannot be read, and a
    /// missing forum, is reported under its query-string name; <c>Filter</c> is null then.
    /// </summary>
    public static ReportFilterReading Read(Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<ValidationFailure>();
        string? Text(string key) => string.IsNullOrWhiteSpace(value(key)) ? null : value(key)!.Trim();

        var forumId = Guid.Empty;
        if (Text(Keys.ForumId) is not { } forumText)
            errors.Add(new(Keys.ForumId, "Choose the forum to report on."));
        else if (!Guid.TryParse(forumText, out forumId))
            errors.Add(new(Keys.ForumId, $"'{forumText}' is not a forum id."));

        OrganizationKind? kind = null;
        if (Text(Keys.OrganizationKind) is { } kindText)
        {
            if (Enum.TryParse<OrganizationKind>(kindText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(kindText[0]))
                kind = parsed;
            else
                errors.Add(new(Keys.OrganizationKind, $"'{kindText}' is not a kind of organization ({string.Join(", ", Enum.GetNames<OrganizationKind>())})."));
        }

        int? objective = null;
        if (Text(Keys.GcmObjective) is { } objectiveText)
        {
            if (int.TryParse(objectiveText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                objective = number;
            else
                errors.Add(new(Keys.GcmObjective, $"GCM objectives are numbered from 1 to {Conclusion.GcmObjectiveCount}."));
        }

        var filter = new ReportFilter(
            forumId, Text(Keys.CountryCode)?.ToUpperInvariant(), kind, Text(Keys.Theme), objective, Text(Keys.SdgTarget));
        errors.AddRange(new ReportFilterValidator().Validate(filter).Errors.Where(e => errors.All(known => known.PropertyName != e.PropertyName)));
        return new ReportFilterReading(errors.Count == 0 ? filter : null, errors);
    }

    /// <summary>As <see cref="Read"/>, throwing the validation failures (400 with the fields named) when there are any.</summary>
    public static ReportFilter Parse(Func<string, string?> value)
    {
        var reading = Read(value);
        return reading.Filter ?? throw new ValidationException(reading.Errors);
    }

    /// <summary>
    /// The rows the filter selects — the live read side or the snapshots of closed cycles alike; the tags and theme are
    /// the action point's conclusion's.
    /// </summary>
    public IQueryable<TRow> Apply<TRow>(ICoordinationDbContext db, IQueryable<TRow> rows)
        where TRow : class, IAssignmentReportKeys
    {
        ArgumentNullException.ThrowIfNull(db);
        var selected = rows.Where(s => s.ForumId == ForumId);
        if (CountryCode is { } country)
            selected = selected.Where(s => s.CountryCode == country);
        if (OrganizationKind is { } kind)
            selected = selected.Where(s => s.OrganizationKind == kind);
        var conclusions = MatchingConclusions(db);
        return conclusions is null ? selected : selected.Where(s => conclusions.Any(c => c.Id == s.ConclusionId));
    }

    /// <summary>The forum's conclusions the theme and tag filters select; null when none of them is set.</summary>
    public IQueryable<Conclusion>? MatchingConclusions(ICoordinationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Theme is null && GcmObjective is null && SdgTarget is null)
            return null;
        var conclusions = db.Conclusions.Where(c => c.ForumId == ForumId);
        if (Theme is not null)
        {
            // Themes match regardless of case, as the conclusion list's filter does.
            var theme = Theme.ToLower();
            conclusions = conclusions.Where(c => c.Theme.ToLower() == theme);
        }

        if (GcmObjective is { } objective)
            conclusions = conclusions.Where(c => c.GcmObjectives.Contains(objective));
        if (SdgTarget is { } target)
            conclusions = conclusions.Where(c => c.SdgTargets.Contains(target));
        return conclusions;
    }
}

/// <summary>The outcome of reading a filter from a query string.</summary>
public sealed record ReportFilterReading(ReportFilter? Filter, IReadOnlyList<ValidationFailure> Errors);

/// <summary>The shape of a filter, with each failure named by its query-string name.</summary>
public sealed class ReportFilterValidator : AbstractValidator<ReportFilter>
{
    public ReportFilterValidator()
    {
        RuleFor(f => f.ForumId).NotEmpty().OverridePropertyName(ReportFilter.Keys.ForumId)
            .WithMessage("Choose the forum to report on.");
        RuleFor(f => f.CountryCode).Must(CountryCatalogue.IsKnown).When(f => f.CountryCode is not null)
            .OverridePropertyName(ReportFilter.Keys.CountryCode)
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-3 country code.");
        RuleFor(f => f.OrganizationKind).IsInEnum().OverridePropertyName(ReportFilter.Keys.OrganizationKind);
        RuleFor(f => f.Theme).MaximumLength(Conclusion.ThemeMaxLength).OverridePropertyName(ReportFilter.Keys.Theme);
        RuleFor(f => f.GcmObjective).Must(o => ConclusionRules.IsGcmObjective(o!.Value)).When(f => f.GcmObjective is not null)
            .OverridePropertyName(ReportFilter.Keys.GcmObjective)
            .WithMessage($"GCM objectives are numbered from 1 to {Conclusion.GcmObjectiveCount}.");
        RuleFor(f => f.SdgTarget).Must(Conclusion.IsSdgTarget).When(f => f.SdgTarget is not null)
            .OverridePropertyName(ReportFilter.Keys.SdgTarget)
            .WithMessage("'{PropertyValue}' is not an SDG target (write it like 10.7 or 17.18).");
    }
}

/// <summary>Lets every report query reuse the filter's rules, with the failures named as in the query string.</summary>
public interface IReportQuery
{
    ReportFilter Filter { get; }
}

public static class ReportFilterRules
{
    public static void AddReportFilterRules<T>(this AbstractValidator<T> validator)
        where T : IReportQuery
    {
        ArgumentNullException.ThrowIfNull(validator);

        // Copied failure by failure so that they keep the query-string names (a child validator would prefix "filter.").
        validator.RuleFor(q => q).Custom((query, context) =>
        {
            if (query.Filter is null)
            {
                context.AddFailure(new ValidationFailure(ReportFilter.Keys.ForumId, "Choose the forum to report on."));
                return;
            }

            foreach (var failure in FilterValidator.Validate(query.Filter).Errors)
                context.AddFailure(failure);
        });
    }

    private static readonly ReportFilterValidator FilterValidator = new();
}
