using Coordination.Domain.ActionPoints;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.TagHelpers;

/// <summary>
/// <c>&lt;status-badge status="InProgress" /&gt;</c>: a status is always a word and a colour, one palette everywhere
/// (badges, matrix cells, charts); Cancelled is struck through.
/// </summary>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public AssignmentStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"badge status status-{Status}");
        output.Content.SetContent(t[StatusText.Of(Status)]);
    }
}

/// <summary>The English words for statuses, which are also their resource keys.</summary>
public static class StatusText
{
    public static string Of(AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotStarted => "Not started",
        AssignmentStatus.InProgress => "In progress",
        AssignmentStatus.Completed => "Completed",
        AssignmentStatus.OnHold => "On hold",
        AssignmentStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}
