using System.ComponentModel.DataAnnotations;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Forums;

/// <summary>What the forum's create and edit pages share: the form, and the organizations to choose participants from.</summary>
public abstract class ForumFormPage(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me) : PageModel
{
    [BindProperty]
    public ForumInput Input { get; set; } = new();

    public OrganizationChoices Participants { get; private set; } = default!;

    protected ISender Sender => sender;

    protected IStringLocalizer<SharedResource> Text => text;

    protected ICurrentUser Me => me;

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var selected = (Input.ParticipantIds ?? []).ToHashSet();
        // Deactivated organizations are offered only while they still take part, so that saving does not drop them.
        var organizations = (await sender.AllOrganizationsAsync(cancellationToken)).Where(o => o.IsActive || selected.Contains(o.Id));
        Participants = new OrganizationChoices(
            "Input.ParticipantIds", text["Participants"], PageReads.GroupOrganizations(organizations, text), selected, new HashSet<Guid>(),
            Help: text["The organizations that follow up the forum's conclusions. Their focal points see the forum."]);
    }
}

/// <summary>The forum form; property names are the commands' so their errors land beside the right field.</summary>
public sealed class ForumInput
{
    [Required(ErrorMessage = "Enter the forum's title.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter where the forum took place.")]
    [Display(Name = "Place")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "Enter the first day of the forum.")]
    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the last day of the forum.")]
    [Display(Name = "End date")]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Progress updates count only once the secretariat validates them")]
    public bool RequiresValidation { get; set; } = true;

    [Display(Name = "Confidential forum")]
    public bool Confidential { get; set; }

    public List<Guid>? ParticipantIds { get; set; }

    public string? Version { get; set; }
}
