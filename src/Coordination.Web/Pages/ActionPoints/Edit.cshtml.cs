using Coordination.Application.ActionPoints;
using Coordination.Application.Common.Security;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.ActionPoints;

public sealed class EditModel(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me)
    : ActionPointFormPage(sender, text, me)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ActionPointDetailsDto ActionPoint { get; private set; } = default!;

    // Read first: whoever may not read the forum gets "not found", whoever may read but not edit it "not allowed".
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Me.IsSecretariat())
            return Forbid();
        Input = ActionPointInput.From(ActionPoint);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Me.IsSecretariat())
            return Forbid();
        if (!TryReadIndicator(out var indicator) || !ModelState.IsValid)
            return Page();

        var (ok, actionPoint) = await this.TrySendAsync(Sender, new UpdateActionPointCommand(
            Id, Input.ConclusionId!.Value, Input.Code!, Input.Title!, Input.Description, Input.Priority,
            Input.StartDate!.Value, Input.DueDate!.Value, indicator, Input.Version ?? ""), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = Text["Action point {0} was saved.", actionPoint!.Code].Value;
        return Redirect($"/action-points/{actionPoint.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ActionPoint = await Sender.Send(new GetActionPointQuery(Id), cancellationToken);
        await LoadForumAsync(ActionPoint.ForumId, cancellationToken);
    }
}
