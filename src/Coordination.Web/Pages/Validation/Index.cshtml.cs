using Coordination.Application.Assignments;
using Coordination.Application.Common.Paging;
using Coordination.Application.Forums;
using Coordination.Application.Organizations;
using Coordination.Application.Progress;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Validation;

/// <summary>
/// The secretariat's validation queue: updates awaiting validation, oldest first, each beside the assignment's
/// official status, to accept or return with a comment. Filters live in the query string so the queue can be bookmarked.
/// </summary>
public sealed class IndexModel(ISender sender, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The key under which the return form's comment errors are shown, beside the comment of the failed item.</summary>
    public const string CommentKey = "Return.Comment";

    [FromQuery]
    public Guid? ForumId { get; set; }

    [FromQuery]
    public Guid? OrganizationId { get; set; }

    public Paged<ProgressQueueItemDto> Queue { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>Each listed update's assignment, for its official status and percent.</summary>
    public IReadOnlyDictionary<Guid, AssignmentDto> Official { get; private set; } = new Dictionary<Guid, AssignmentDto>();

    public IReadOnlyList<ForumDto> Forums { get; private set; } = [];

    public IReadOnlyList<OrganizationDto> Organizations { get; private set; } = [];

    /// <summary>The item whose return was refused, so its comment and message show beside it.</summary>
    public Guid? FailedUpdateId { get; private set; }

    public string? FailedComment { get; private set; }

    public bool Filtered => ForumId is not null || OrganizationId is not null;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        // A filter that is not an id lists the whole queue; the binder's technical message would only confuse.
        ModelState.Clear();
        await LoadAsync(pageNumber, cancellationToken);

        // After the last item of the last page was handled, show the page before rather than an empty one.
        if (Queue.Items.Count == 0 && Queue.TotalCount > 0 && Queue.Page > 1)
            return LocalRedirect(QueueUrl(Math.Max(1, (int)Math.Ceiling(Queue.TotalCount / (double)PageSize))));
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(
        Guid updateId, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var (ok, update) = await this.TrySendAsync(sender, new AcceptProgressUpdateCommand(updateId), "Return", cancellationToken);
        if (!ok)
        {
            FailedUpdateId = updateId;
            await LoadAsync(pageNumber, cancellationToken);
            return Page();
        }

        TempData["Notice"] = t["The update on {0} was accepted.", await NameAsync(update!, cancellationToken)].Value;
        return LocalRedirect(QueueUrl(pageNumber));
    }

    public async Task<IActionResult> OnPostReturnAsync(
        Guid updateId, string? comment, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var (ok, update) = await this.TrySendAsync(sender, new ReturnProgressUpdateCommand(updateId, comment), "Return", cancellationToken);
        if (!ok)
        {
            FailedUpdateId = updateId;
            FailedComment = comment;
            await LoadAsync(pageNumber, cancellationToken);
            return Page();
        }

        TempData["Notice"] = t["The update on {0} was returned to the focal point with your comment.", await NameAsync(update!, cancellationToken)].Value;
        return LocalRedirect(QueueUrl(pageNumber));
    }

    /// <summary>The queue's address with the current filters (and page), without the handler of a post.</summary>
    public string QueueUrl(int? page = null, string? handler = null)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value)
            .Where(kv => kv.Key is not ("page" or "handler"))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? "")))
            .ToList();
        if (page is > 1)
            query.Add(new("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (handler is not null)
            query.Add(new("handler", handler));
        return "/validation" + new QueryBuilder(query).ToQueryString();
    }

    private async Task LoadAsync(int? pageNumber, CancellationToken cancellationToken)
    {
        // Secretariat only: the query refuses everyone else, and the refusal reaches the not-allowed page.
        Queue = await sender.Send(
            new ListProgressUpdatesQuery(ProgressUpdateState.Submitted, ForumId, OrganizationId, pageNumber, PageSize), cancellationToken);

        // One look-up per listed assignment (a page holds at most 20): the queue item carries what was reported,
        // the assignment what is official.
        var official = new Dictionary<Guid, AssignmentDto>();
        foreach (var assignmentId in Queue.Items.Select(i => i.AssignmentId).Distinct())
            official[assignmentId] = await sender.Send(new GetAssignmentQuery(assignmentId), cancellationToken);
        Official = official;

        Forums = (await sender.Send(new ListForumsQuery(PageSize: Paging.MaxPageSize), cancellationToken)).Items;
        Organizations = [.. (await sender.Send(new ListOrganizationsQuery(PageSize: Paging.MaxPageSize), cancellationToken)).Items
            .OrderBy(o => o.Acronym, StringComparer.CurrentCultureIgnoreCase)];
    }

    private async Task<string> NameAsync(ProgressUpdateDto update, CancellationToken cancellationToken)
    {
        var assignment = await sender.Send(new GetAssignmentQuery(update.AssignmentId), cancellationToken);
        return $"{assignment.ActionPointCode} · {assignment.OrganizationName}";
    }
}
