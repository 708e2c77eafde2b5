using Coordination.Application.Reports;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Reports;

/// <summary>
/// The regional dashboard: the overall figures and the charts, each with its data table, over the same query as the
/// JSON and the exports. The secretariat publishes or unpublishes the report from here.
/// </summary>
[AllowAnonymous]
public sealed class DashboardModel(ISender sender, IStringLocalizer<SharedResource> t) : ReportPageModel(sender)
{
    public override string ViewPath => "";

    public RegionalStatusDto Status { get; private set; } = default!;

    public async Task OnGetAsync(Guid forumId, CancellationToken cancellationToken)
    {
        Status = await ReadAsync(forumId, filter => new GetRegionalStatusQuery(filter), cancellationToken);
        AsOf = Status.AsOf;
    }

    public Task<IActionResult> OnPostPublishAsync(Guid forumId, CancellationToken cancellationToken) =>
        ChangePublicationAsync(forumId, new PublishReportCommand(forumId), "The report is published: anyone can read it without signing in.", cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(Guid forumId, CancellationToken cancellationToken) =>
        ChangePublicationAsync(forumId, new UnpublishReportCommand(forumId), "The report is no longer published: only signed-in people can read it.", cancellationToken);

    private async Task<IActionResult> ChangePublicationAsync(
        Guid forumId, Mediator.ICommand<Application.Forums.ForumDto> command, string notice, CancellationToken cancellationToken)
    {
        // The page is open without sign-in; publishing is not: ask to sign in rather than answer with an error.
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        await Sender.Send(command, cancellationToken);
        TempData["Notice"] = t[notice].Value;
        var filters = Request.Query.Where(q => q.Key != "handler").Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()));
        return LocalRedirect(QueryHelpers.AddQueryString($"/reports/{forumId}", filters));
    }
}
