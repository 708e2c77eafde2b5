using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Coordination.Web.TagHelpers;

/// <summary>
/// <c>&lt;local-date value="…" /&gt;</c>: a day or an instant written out in the reader's culture ("30 sept 2026" /
/// "Sep 30, 2026"), with the ISO value in a <c>&lt;time datetime&gt;</c>. Instants are shown in UTC, and say so.
/// </summary>
[HtmlTargetElement("local-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalDateTagHelper : TagHelper
{
    public object? Value { get; set; }

    /// <summary>Also show the time of an instant.</summary>
    public bool WithTime { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        var culture = CultureInfo.CurrentCulture;
        var (iso, text) = Value switch
        {
            DateOnly day => (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Day(day, culture)),
            DateTime instant => Instant(instant, culture),
            DateTimeOffset instant => Instant(instant.UtcDateTime, culture),
            _ => ("", "—"),
        };
        if (iso.Length == 0)
        {
            output.TagName = "span";
        }
        else
        {
            output.Attributes.SetAttribute("datetime", iso);
        }

        output.Content.SetContent(text);
    }

    /// <summary>A day as its culture writes it: "Sep 30, 2026" in English, "30 sept 2026" in Spanish.</summary>
    public static string Day(DateOnly day, CultureInfo culture) => day.ToString(DayPattern(culture), culture);

    private (string Iso, string Text) Instant(DateTime instant, CultureInfo culture)
    {
        var iso = instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return WithTime
            ? (iso, instant.ToString(DayPattern(culture) + ", HH:mm", culture) + " UTC")
            : (iso, instant.ToString(DayPattern(culture), culture));
    }

    // English puts the month first and a comma before the year; Spanish (and most others) the day first.
    private static string DayPattern(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? "MMM d, yyyy" : "d MMM yyyy";
}
