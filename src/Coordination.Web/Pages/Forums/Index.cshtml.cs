using Coordination.Application.Common.Paging;
using Coordination.Application.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Forums;

public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "search")]
    public string? Search { get; set; }

    public Paged<ForumDto> Forums { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A search longer than the query accepts is cut rather than answered with an error page.
        var search = Search?.Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, 100)] : null;
        Forums = await sender.Send(new ListForumsQuery(search, PageReads.PageNumber(Request), PageSize), cancellationToken);
    }
}
