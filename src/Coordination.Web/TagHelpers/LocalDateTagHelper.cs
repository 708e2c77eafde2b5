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
            DateOnly day => (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.ToString("d MMM yyyy", culture)),
            DateTime instant when WithTime => (instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), instant.ToString("d MMM yyyy, HH:mm", culture) + " UTC"),
            DateTime instant => (instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), instant.ToString("d MMM yyyy", culture)),
            DateTimeOffset instant => (instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), instant.UtcDateTime.ToString(WithTime ? "d MMM yyyy, HH:mm" : "d MMM yyyy", culture)),
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
}
