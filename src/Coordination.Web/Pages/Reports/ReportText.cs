using System.Globalization;
using Coordination.Application.Reports;
using Coordination.Web.Pages.Forums;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Reports;

/// <summary>How the report pages write what they show in words.</summary>
public static class ReportText
{
    /// <summary>The filters in force, each as "what: value", for the title line a printed report starts with.</summary>
    public static IEnumerable<string> FilterSummary(ReportFilter filter, IStringLocalizer t)
    {
        if (filter.CountryCode is { } country)
            yield return $"{t["Country"]}: {PageReads.CountryName(country)}";
        if (filter.OrganizationKind is { } kind)
            yield return $"{t["Kind of organization"]}: {t[kind.ToString()]}";
        if (filter.Theme is { } theme)
            yield return $"{t["Theme"]}: {theme}";
        if (filter.GcmObjective is { } objective)
            yield return $"{t["GCM objective"]}: {objective.ToString(CultureInfo.CurrentCulture)}";
        if (filter.SdgTarget is { } target)
            yield return $"{t["SDG target"]}: {target}";
    }

    /// <summary>A percent in the reader's culture, one decimal at most ("42.5%" / "42,5 %").</summary>
    public static string Percent(double value) => (value / 100).ToString("0.#%", CultureInfo.CurrentCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
