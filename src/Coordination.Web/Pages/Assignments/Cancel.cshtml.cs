using Coordination.Application.Assignments;
using Coordination.Application.Common.Security;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Assignments;

/// <summary>Cancelling is destructive (the assignment stops counting, a pending update is returned): it asks first.</summary>
public sealed class CancelModel(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public AssignmentDto Assignment { get; private set; } = default!;

    // Read first: whoever may not see the assignment gets "not found", whoever may see but not cancel it "not allowed".
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Assignment = await sender.Send(new GetAssignmentQuery(Id), cancellationToken);
        return me.IsSecretariat() ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Assignment = await sender.Send(new GetAssignmentQuery(Id), cancellationToken);
        if (!me.IsSecretariat())
            return Forbid();

        var (ok, cancelled) = await this.TrySendAsync(sender, new CancelAssignmentCommand(Id), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = text["The assignment of {0} to {1} was cancelled.", cancelled!.ActionPointCode, cancelled.OrganizationName].Value;
        return Redirect($"/action-points/{cancelled.ActionPointId}");
    }
}
