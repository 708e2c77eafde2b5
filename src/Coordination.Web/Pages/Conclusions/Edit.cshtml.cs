using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Conclusions;

public sealed class EditModel(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me)
    : ConclusionFormPage(sender, text, me)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    // Read first: whoever may not read the forum gets "not found", whoever may read but not edit it "not allowed".
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var conclusion = await LoadAsync(cancellationToken);
        if (!Me.IsSecretariat())
            return Forbid();
        Input = ConclusionInput.From(conclusion);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Me.IsSecretariat())
            return Forbid();
        if (!ModelState.IsValid)
            return Page();

        var (ok, conclusion) = await this.TrySendAsync(Sender, new UpdateConclusionCommand(
            Id, Input.Number!.Value, Input.Text!, Input.Theme!, Input.GcmObjectives ?? [], Input.SdgTargetList(), Input.Version ?? ""),
            cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = Text["Conclusion {0} was saved.", conclusion!.Number].Value;
        return Redirect(ForumUrl(conclusion.Number));
    }

    private async Task<ConclusionDto> LoadAsync(CancellationToken cancellationToken)
    {
        var conclusion = await Sender.Send(new GetConclusionQuery(Id), cancellationToken);
        Forum = await Sender.Send(new GetForumQuery(conclusion.ForumId), cancellationToken);
        return conclusion;
    }
}
