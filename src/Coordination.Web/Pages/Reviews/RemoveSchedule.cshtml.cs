using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Application.ReviewCycles;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Reviews;

/// <summary>Removing the schedule also removes the cycles it made that have not opened: it asks first.</summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class RemoveScheduleModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "forum")]
    public Guid ForumId { get; set; }

    public ForumDto Forum { get; private set; } = default!;

    public ReviewScheduleDto? Schedule { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (ok, _) = await this.TrySendAsync(sender, new RemoveReviewScheduleCommand(ForumId), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = text["The review schedule of {0} was removed.", Forum.Title].Value;
        return Redirect(ReviewReads.ForumLink(ForumId));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Forum = await sender.Send(new GetForumQuery(ForumId), cancellationToken);
        Schedule = await sender.Send(new GetReviewScheduleQuery(ForumId), cancellationToken);
    }
}
