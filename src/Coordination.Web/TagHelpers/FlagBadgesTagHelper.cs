using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.TagHelpers;

/// <summary><c>&lt;flag-badges overdue="…" at-risk="…" awaiting="…" returned="…" /&gt;</c>: the derived flags, each its own badge.</summary>
[HtmlTargetElement("flag-badges", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FlagBadgesTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public bool Overdue { get; set; }

    public bool AtRisk { get; set; }

    public bool Awaiting { get; set; }

    public bool Returned { get; set; }

    public bool MissingReport { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var badges = new (bool Show, string Css, string Text)[]
        {
            (Overdue, "flag-overdue", "Overdue"),
            (AtRisk, "flag-at-risk", "At risk"),
            (Awaiting, "flag-awaiting", "Awaiting validation"),
            (Returned, "flag-returned", "Returned"),
            (MissingReport, "flag-missing", "Missing report"),
        };
        foreach (var (show, css, text) in badges.Where(b => b.Show))
            output.Content.AppendHtml($"<span class=\"badge flag {css}\">").Append(t[text]).AppendHtml("</span> ");
    }
}
