using Coordination.Application.Reports;
using Coordination.Application.Reports.Pages;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Coordination.Web.Pages.Reports;

/// <summary>
/// What every report page of one forum shares: the forum from the route, the filter from the query string (the names
/// of <see cref="ReportFilter.Keys"/>, the same as the API and the export links), and the forum's title line and
/// filter choices. The queries decide who may read (signed in per forum access, or anyone once published): a forum the
/// reader may not see is a NotFoundException, which the error page shows as "not found".
/// </summary>
public abstract class ReportPageModel(ISender sender) : PageModel
{
    /// <summary>The report pages of a forum, by the path after <c>/reports/{forumId}</c> and their title.</summary>
    public static readonly IReadOnlyList<(string Path, string Title)> Views =
    [
        ("", "Dashboard"),
        ("/matrix", "Country × action matrix"),
        ("/attention", "Overdue and at risk"),
        ("/trend", "Trend"),
        ("/compliance", "Reporting compliance"),
    ];

    protected ISender Sender { get; } = sender;

    public ReportFilter Filter { get; private set; } = new(Guid.Empty);

    public ReportContextDto Context { get; private set; } = default!;

    /// <summary>The forums whose reports the reader may open, for the filters' forum choice.</summary>
    public IReadOnlyList<ReportForumDto> Forums { get; private set; } = [];

    /// <summary>The day the figures are computed for: the query's answer where it says, else the forum's today.</summary>
    public DateOnly AsOf { get; protected set; }

    /// <summary>The path after <c>/reports/{forumId}</c> of this page ("" for the dashboard), for links that keep the filter.</summary>
    public abstract string ViewPath { get; }

    /// <summary>The page of this forum's report at <paramref name="path"/>, with the current filter.</summary>
    public string Link(string path) => Link(path, Filter);

    public string Link(string path, ReportFilter filter)
    {
        var query = filter.Pairs().Where(p => p.Key != ReportFilter.Keys.ForumId).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));
        return QueryHelpers.AddQueryString($"/reports/{filter.ForumId}{path}", query);
    }

    /// <summary>The export of the regional status in <paramref name="format"/> (csv, xlsx), with the current filter.</summary>
    public string ExportLink(string format) => $"/api/reports/regional-status.{format}?{Filter.ToQueryString()}";

    /// <summary>Reads the filter and the forum's context, then the page's own query with that filter.</summary>
    protected async Task<T> ReadAsync<T>(Guid forumId, Func<ReportFilter, IQuery<T>> query, CancellationToken cancellationToken)
    {
        await LoadAsync(forumId, cancellationToken);
        return await Sender.Send(query(Filter), cancellationToken);
    }

    /// <summary>Reads the filter and the forum's context; a filter value the form never offers is dropped, as on every list.</summary>
    private async Task LoadAsync(Guid forumId, CancellationToken cancellationToken)
    {
        string? Value(string key) => key == ReportFilter.Keys.ForumId ? forumId.ToString() : Request.Query[key].FirstOrDefault();
        var reading = ReportFilter.Read(Value);
        if (reading.Filter is null)
        {
            var refused = reading.Errors.Select(e => e.PropertyName).ToHashSet();
            reading = ReportFilter.Read(key => refused.Contains(key) ? null : Value(key));
        }

        Filter = reading.Filter ?? new ReportFilter(forumId);
        Context = await Sender.Send(new GetReportContextQuery(forumId), cancellationToken);
        AsOf = Context.Today;
        Forums = await Sender.Send(new ListReportForumsQuery(), cancellationToken);
    }
}
