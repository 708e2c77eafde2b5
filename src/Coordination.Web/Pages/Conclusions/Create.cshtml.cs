using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Web.Pages.Forums;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Conclusions;

public sealed class CreateModel(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me)
    : ConclusionFormPage(sender, text, me)
{
    [BindProperty(SupportsGet = true)]
    public Guid ForumId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Forum = await Sender.Send(new GetForumQuery(ForumId), cancellationToken);
        if (!Me.IsSecretariat())
            return Forbid();

        // The next number is the likely one; the secretariat can still change it.
        var existing = await Sender.ReadAllAsync(
            page => new ListConclusionsQuery(ForumId, Page: page, PageSize: Paging.MaxPageSize), cancellationToken);
        Input = new ConclusionInput { Number = existing.Count == 0 ? 1 : existing.Max(c => c.Number) + 1 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Forum = await Sender.Send(new GetForumQuery(ForumId), cancellationToken);
        if (!Me.IsSecretariat())
            return Forbid();
        if (!ModelState.IsValid)
            return Page();

        var (ok, conclusion) = await this.TrySendAsync(Sender, new CreateConclusionCommand(
            ForumId, Input.Number!.Value, Input.Text!, Input.Theme!, Input.GcmObjectives ?? [], Input.SdgTargetList()),
            cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = Text["Conclusion {0} was recorded.", conclusion!.Number].Value;
        return Redirect(ForumUrl(conclusion.Number));
    }
}
