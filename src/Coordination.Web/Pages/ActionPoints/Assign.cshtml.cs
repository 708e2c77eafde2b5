using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coordination.Application.ActionPoints;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;
using Coordination.Web.Pages.Forums;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.ActionPoints;

/// <summary>
/// Assigns the action point to one organization, to several, or to every member-state institution taking part in the
/// forum: three small forms, each posting to its own handler with its own field prefix so errors land beside its fields.
/// </summary>
public sealed class AssignModel(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    // Bound by hand in each handler (TryUpdateModelAsync), so a post of one form never validates the other two.
    public AssignInput One { get; set; } = new();

    public AssignInput Several { get; set; } = new();

    public AssignInput All { get; set; } = new();

    public ActionPointDetailsDto ActionPoint { get; private set; } = default!;

    public ForumDto Forum { get; private set; } = default!;

    /// <summary>Active organizations not assigned yet, for the single choice.</summary>
    public IReadOnlyList<OrganizationGroup> Assignable { get; private set; } = [];

    public OrganizationChoices SeveralChoices { get; private set; } = default!;

    public int ParticipatingInstitutions { get; private set; }

    public int ParticipatingInstitutionsAssigned { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return me.IsSecretariat() ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostOneAsync(CancellationToken cancellationToken)
    {
        if (!me.IsSecretariat())
            return Forbid();
        await TryUpdateModelAsync(One, nameof(One));
        if (One.OrganizationId is null)
            ModelState.AddModelError($"{nameof(One)}.{nameof(AssignInput.OrganizationId)}", text["Choose an organization."]);
        if (ModelState.IsValid)
        {
            var (ok, assignment) = await this.TrySendAsync(
                sender, new AssignActionPointCommand(Id, One.OrganizationId!.Value, One.Role, One.DueDate), nameof(One), cancellationToken);
            if (ok)
            {
                TempData["Notice"] = text["{0} was assigned action point {1}.", assignment!.OrganizationName, assignment.ActionPointCode].Value;
                return Redirect($"/action-points/{Id}");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSeveralAsync(CancellationToken cancellationToken)
    {
        if (!me.IsSecretariat())
            return Forbid();
        await TryUpdateModelAsync(Several, nameof(Several));
        if (Several.OrganizationIds is not { Count: > 0 })
            ModelState.AddModelError($"{nameof(Several)}.{nameof(AssignInput.OrganizationIds)}", text["Choose at least one organization."]);
        return await BulkAsync(
            nameof(Several), new BulkAssignActionPointCommand(Id, Several.OrganizationIds, null, Several.Role, Several.DueDate), cancellationToken);
    }

    public async Task<IActionResult> OnPostAllAsync(CancellationToken cancellationToken)
    {
        if (!me.IsSecretariat())
            return Forbid();
        await TryUpdateModelAsync(All, nameof(All));
        return await BulkAsync(nameof(All), new BulkAssignActionPointCommand(Id, null, true, All.Role, All.DueDate), cancellationToken);
    }

    private async Task<IActionResult> BulkAsync(string prefix, BulkAssignActionPointCommand command, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (ok, result) = await this.TrySendAsync(sender, command, prefix, cancellationToken);
            if (ok)
            {
                TempData["Notice"] = Summary(result!);
                return Redirect($"/action-points/{Id}");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>How many were assigned, and which were skipped and why, in one notice.</summary>
    private string Summary(BulkAssignmentResult result)
    {
        var count = result.Created.Count;
        var assigned = count switch
        {
            0 => text["No organization was assigned."].Value,
            1 => text["1 organization was assigned."].Value,
            _ => text["{0} organizations were assigned.", count.ToString("N0", CultureInfo.CurrentCulture)].Value,
        };
        if (result.Skipped.Count == 0)
            return assigned;
        var skipped = string.Join(", ", result.Skipped.Select(s => $"{s.OrganizationName} ({text[s.Reason].Value.TrimEnd('.')})"));
        return $"{assigned} {text["Skipped: {0}.", skipped].Value}";
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ActionPoint = await sender.Send(new GetActionPointQuery(Id), cancellationToken);
        Forum = await sender.Send(new GetForumQuery(ActionPoint.ForumId), cancellationToken);
        var organizations = await sender.AllOrganizationsAsync(cancellationToken);
        var assigned = ActionPoint.Assignments.Select(a => a.OrganizationId).ToHashSet();
        var active = organizations.Where(o => o.IsActive).ToList();

        Assignable = PageReads.GroupOrganizations(active.Where(o => !assigned.Contains(o.Id)), text);
        SeveralChoices = new OrganizationChoices(
            $"{nameof(Several)}.{nameof(AssignInput.OrganizationIds)}", text["Organizations"], PageReads.GroupOrganizations(active, text),
            (Several.OrganizationIds ?? []).ToHashSet(), assigned, text["Already assigned"]);

        var participants = Forum.ParticipantIds.ToHashSet();
        var institutions = organizations
            .Where(o => o.Kind == OrganizationKind.MemberStateInstitution && participants.Contains(o.Id))
            .ToList();
        ParticipatingInstitutions = institutions.Count;
        ParticipatingInstitutionsAssigned = institutions.Count(o => assigned.Contains(o.Id));
    }
}

/// <summary>One of the three assignment forms; property names are the commands' so their errors land beside the right field.</summary>
public sealed class AssignInput
{
    [Display(Name = "Organization")]
    public Guid? OrganizationId { get; set; }

    public List<Guid>? OrganizationIds { get; set; }

    [Display(Name = "Role")]
    public AssignmentRole Role { get; set; } = AssignmentRole.Lead;

    [Display(Name = "Due date (optional)")]
    public DateOnly? DueDate { get; set; }
}
