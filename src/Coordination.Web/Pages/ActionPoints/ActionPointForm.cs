using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coordination.Application.ActionPoints;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Pages.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.ActionPoints;

/// <summary>What the action point's create and edit pages share: the form, and the forum whose conclusions it can derive from.</summary>
public abstract class ActionPointFormPage(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me) : PageModel
{
    [BindProperty]
    public ActionPointInput Input { get; set; } = new();

    public ForumDto? Forum { get; private set; }

    public IReadOnlyList<ConclusionDto> Conclusions { get; private set; } = [];

    protected ISender Sender => sender;

    protected IStringLocalizer<SharedResource> Text => text;

    protected ICurrentUser Me => me;

    protected async Task LoadForumAsync(Guid forumId, CancellationToken cancellationToken)
    {
        Forum = await sender.Send(new GetForumQuery(forumId), cancellationToken);
        Conclusions = await sender.ReadAllAsync(
            page => new ListConclusionsQuery(forumId, Page: page, PageSize: Paging.MaxPageSize), cancellationToken);
    }

    /// <summary>
    /// The indicator's numbers as the command takes them; false (with the message beside the field) when one is not a number.
    /// </summary>
    protected bool TryReadIndicator(out IndicatorInput? indicator)
    {
        indicator = null;
        var fields = Input.Indicator ?? new IndicatorFields();
        var baselineOk = TryNumber(fields.Baseline, "Input.Indicator.Baseline", out var baseline);
        var targetOk = TryNumber(fields.Target, "Input.Indicator.Target", out var target);
        if (!baselineOk || !targetOk)
            return false;
        if (baseline is not null || target is not null || !string.IsNullOrWhiteSpace(fields.Unit))
            indicator = new IndicatorInput(baseline, target, string.IsNullOrWhiteSpace(fields.Unit) ? null : fields.Unit.Trim());
        return true;
    }

    // A number field sends "2.5" in every language; a decimal comma typed where the browser lets it through is accepted too.
    private bool TryNumber(string? value, string field, out decimal? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        var normalized = value.Trim();
        if (normalized.Contains(',', StringComparison.Ordinal) && !normalized.Contains('.', StringComparison.Ordinal))
            normalized = normalized.Replace(',', '.');
        if (decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
            return true;
        }

        ModelState.AddModelError(field, text["Enter a number, e.g. 9 or 2.5."]);
        return false;
    }
}

/// <summary>The action point form; property names are the commands' so their errors land beside the right field.</summary>
public sealed class ActionPointInput
{
    [Required(ErrorMessage = "Choose the conclusion this action point derives from.")]
    [Display(Name = "Conclusion")]
    public Guid? ConclusionId { get; set; }

    [Required(ErrorMessage = "Enter a code, e.g. RF22-12.")]
    [Display(Name = "Code")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Enter the title.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Priority")]
    public Priority Priority { get; set; } = Priority.Medium;

    [Required(ErrorMessage = "Enter the start date.")]
    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the due date.")]
    [Display(Name = "Due date")]
    public DateOnly? DueDate { get; set; }

    public IndicatorFields? Indicator { get; set; } = new();

    public string? Version { get; set; }

    public static ActionPointInput From(ActionPointDetailsDto actionPoint) => new()
    {
        ConclusionId = actionPoint.ConclusionId,
        Code = actionPoint.Code,
        Title = actionPoint.Title,
        Description = actionPoint.Description,
        Priority = actionPoint.Priority,
        StartDate = actionPoint.StartDate,
        DueDate = actionPoint.DueDate,
        Indicator = new IndicatorFields
        {
            Baseline = actionPoint.Indicator?.Baseline?.ToString(CultureInfo.InvariantCulture),
            Target = actionPoint.Indicator?.Target.ToString(CultureInfo.InvariantCulture),
            Unit = actionPoint.Indicator?.Unit,
        },
        Version = actionPoint.Version,
    };
}

/// <summary>Text, not decimals: a Spanish culture would read the number field's "2.5" as 25.</summary>
public sealed class IndicatorFields
{
    [Display(Name = "Baseline")]
    public string? Baseline { get; set; }

    [Display(Name = "Target")]
    public string? Target { get; set; }

    [Display(Name = "Unit")]
    public string? Unit { get; set; }
}
