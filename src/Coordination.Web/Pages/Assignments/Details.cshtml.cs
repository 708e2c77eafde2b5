using Coordination.Application.Assignments;
using Coordination.Application.Audit;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Application.Progress;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Assignments;

/// <summary>
/// One assignment: its official status and flags, what awaits validation or was returned, the history of its progress
/// updates, and for the secretariat the audit trail and the accept / return buttons.
/// </summary>
public sealed class DetailsModel(ISender sender, ICurrentUser user, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int HistoryPageSize = 20;
    public const int AuditPageSize = 50;

    public AssignmentDto Assignment { get; private set; } = default!;

    public Paged<ProgressUpdateDto> History { get; private set; } = new([], 1, HistoryPageSize, 0);

    /// <summary>The update awaiting validation, if any.</summary>
    public ProgressUpdateDto? Pending { get; private set; }

    /// <summary>The last update, returned and not yet revised.</summary>
    public ProgressUpdateDto? Returned { get; private set; }

    /// <summary>The secretariat's view of who changed the assignment; null for everyone else.</summary>
    public Paged<AuditEntryDto>? Audit { get; private set; }

    public bool IsSecretariat => user.IsSecretariat();

    /// <summary>The assigned organization's focal points and the secretariat report; the command decides, this only hides buttons.</summary>
    public bool MayReport => user.MayActFor(Assignment.OrganizationId);

    /// <summary>
    /// The forum is confidential and the reader does not act for the assigned organization: the queries leave out what
    /// awaits validation or was returned, and the page says so.
    /// </summary>
    public bool OfficialOnly { get; private set; }

    /// <summary>The comment typed into the return form, kept when it must be corrected.</summary>
    public string? ReturnComment { get; private set; }

    public async Task OnGetAsync(Guid id, [FromQuery(Name = "page")] int? historyPage, CancellationToken cancellationToken) =>
        await LoadAsync(id, historyPage, cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid updateId, CancellationToken cancellationToken)
    {
        var (ok, _) = await this.TrySendAsync(sender, new AcceptProgressUpdateCommand(updateId), "Return", cancellationToken);
        if (!ok)
        {
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }

        TempData["Notice"] = t["The update was accepted: the assignment's official status and percent now follow it."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, Guid updateId, string? comment, CancellationToken cancellationToken)
    {
        var (ok, _) = await this.TrySendAsync(sender, new ReturnProgressUpdateCommand(updateId, comment), "Return", cancellationToken);
        if (!ok)
        {
            ReturnComment = comment;
            await LoadAsync(id, null, cancellationToken);
            return Page();
        }

        TempData["Notice"] = t["The update was returned to the focal point with your comment."].Value;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, int? historyPage, CancellationToken cancellationToken)
    {
        // Not found (or not readable) ends here, on the error page: nothing another forum holds is shown.
        Assignment = await sender.Send(new GetAssignmentQuery(id), cancellationToken);
        History = await sender.Send(new ListProgressHistoryQuery(id, historyPage, HistoryPageSize), cancellationToken);
        Pending = await FindAsync(Assignment.PendingUpdateId, cancellationToken);
        Returned = await FindAsync(Assignment.ReturnedUpdateId, cancellationToken);
        OfficialOnly = !MayReport && (await sender.Send(new GetForumQuery(Assignment.ForumId), cancellationToken)).Confidential;
        if (IsSecretariat)
            Audit = await sender.Send(new ListAuditEntriesQuery(nameof(Domain.ActionPoints.Assignment), id, 1, AuditPageSize), cancellationToken);
    }

    private async Task<ProgressUpdateDto?> FindAsync(Guid? updateId, CancellationToken cancellationToken) =>
        updateId is not { } wanted ? null
        : History.Items.FirstOrDefault(u => u.Id == wanted) ?? await sender.Send(new GetProgressUpdateQuery(wanted), cancellationToken);
}
