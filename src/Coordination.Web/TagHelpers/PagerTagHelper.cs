using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.TagHelpers;

/// <summary>
/// <c>&lt;pager page="…" page-size="…" total="…" /&gt;</c>: previous / next links that keep every other filter of the
/// query string, so the back button and bookmarks work.
/// </summary>
[HtmlTargetElement("pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public int Page { get; set; }

    public int PageSize { get; set; }

    public int Total { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var pages = Math.Max(1, (int)Math.Ceiling(Total / (double)Math.Max(1, PageSize)));
        if (pages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("aria-label", t["Pages"].Value);
        output.Content.AppendHtml("<ul class=\"pagination\">");
        Link(output, Page - 1, t["Previous"], Page > 1);
        output.Content.AppendHtml("<li class=\"page-item disabled\"><span class=\"page-link\">")
            .Append(t["Page {0} of {1}", Page, pages])
            .AppendHtml("</span></li>");
        Link(output, Page + 1, t["Next"], Page < pages);
        output.Content.AppendHtml("</ul>");
    }

    private void Link(TagHelperOutput output, int page, string text, bool enabled)
    {
        if (!enabled)
        {
            output.Content.AppendHtml("<li class=\"page-item disabled\"><span class=\"page-link\">").Append(text).AppendHtml("</span></li>");
            return;
        }

        var request = ViewContext.HttpContext.Request;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(kv => !string.Equals(kv.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var href = request.Path + new QueryBuilder(query!).ToQueryString();
        output.Content.AppendHtml($"<li class=\"page-item\"><a class=\"page-link\" href=\"{System.Net.WebUtility.HtmlEncode(href)}\">")
            .Append(text).AppendHtml("</a></li>");
    }
}
