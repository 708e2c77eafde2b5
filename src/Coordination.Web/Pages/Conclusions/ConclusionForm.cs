using System.ComponentModel.DataAnnotations;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Conclusions;

/// <summary>What the conclusion's create and edit pages share.</summary>
public abstract class ConclusionFormPage(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me) : PageModel
{
    public const int GcmObjectiveCount = Domain.Forums.Conclusion.GcmObjectiveCount;

    [BindProperty]
    public ConclusionInput Input { get; set; } = new();

    public ForumDto Forum { get; protected set; } = default!;

    protected ISender Sender => sender;

    protected IStringLocalizer<SharedResource> Text => text;

    protected ICurrentUser Me => me;

    protected string ForumUrl(int? number = null) => number is null ? $"/forums/{Forum.Id}" : $"/forums/{Forum.Id}#conclusion-{number}";
}

/// <summary>The conclusion form; property names are the commands' so their errors land beside the right field.</summary>
public sealed class ConclusionInput
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    [Required(ErrorMessage = "Enter the conclusion's number.")]
    [Display(Name = "Number")]
    public int? Number { get; set; }

    [Required(ErrorMessage = "Enter the theme.")]
    [Display(Name = "Theme")]
    public string? Theme { get; set; }

    [Required(ErrorMessage = "Enter the text of the conclusion.")]
    [Display(Name = "Text")]
    public string? Text { get; set; }

    [Display(Name = "GCM objectives")]
    public List<int>? GcmObjectives { get; set; }

    /// <summary>As typed: "10.7, 17.18".</summary>
    [Display(Name = "SDG targets")]
    public string? SdgTargets { get; set; }

    public string? Version { get; set; }

    public IReadOnlyList<string> SdgTargetList() =>
        SdgTargets is null ? [] : SdgTargets.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static ConclusionInput From(ConclusionDto conclusion) => new()
    {
        Number = conclusion.Number,
        Theme = conclusion.Theme,
        Text = conclusion.Text,
        GcmObjectives = [.. conclusion.GcmObjectives],
        SdgTargets = string.Join(", ", conclusion.SdgTargets),
        Version = conclusion.Version,
    };
}
