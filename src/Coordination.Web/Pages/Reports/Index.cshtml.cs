using Coordination.Application.Reports;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Coordination.Web.Pages.Reports;

/// <summary>
/// Where reports start: the forum to report on. With one forum it opens its dashboard at once. The report pages'
/// filter form also lands here (a GET form cannot change the path), and is sent on to the chosen forum's page with
/// the filters in the query string.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ReportForumDto> Forums { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? forumId, string? view, CancellationToken cancellationToken)
    {
        if (forumId is { } chosen && chosen != Guid.Empty)
        {
            var path = ReportPageModel.Views.Any(v => v.Path == view) ? view : "";
            var filters = Request.Query
                .Where(q => q.Key is not ("view" or ReportFilter.Keys.ForumId) && !string.IsNullOrWhiteSpace(q.Value))
                .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()));
            return LocalRedirect(QueryHelpers.AddQueryString($"/reports/{chosen}{path}", filters));
        }

        Forums = await sender.Send(new ListReportForumsQuery(), cancellationToken);
        return Forums.Count == 1 ? LocalRedirect($"/reports/{Forums[0].ForumId}") : Page();
    }
}
