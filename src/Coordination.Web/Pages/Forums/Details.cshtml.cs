using Coordination.Application.ActionPoints;
using Coordination.Application.Common.Paging;
using Coordination.Application.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Forums;

public sealed class DetailsModel(ISender sender) : PageModel
{
    public ForumDto Forum { get; private set; } = default!;

    public IReadOnlyList<ConclusionDto> Conclusions { get; private set; } = [];

    public ILookup<Guid, ActionPointDto> ActionPoints { get; private set; } = Array.Empty<ActionPointDto>().ToLookup(a => a.ConclusionId);

    // A forum the reader may not see is a NotFoundException here, which the error page shows as "not found".
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Forum = await sender.Send(new GetForumQuery(id), cancellationToken);
        Conclusions = await sender.ReadAllAsync(
            page => new ListConclusionsQuery(id, Page: page, PageSize: Paging.MaxPageSize), cancellationToken);
        var actionPoints = await sender.ReadAllAsync(
            page => new ListActionPointsQuery(ForumId: id, Page: page, PageSize: Paging.MaxPageSize), cancellationToken);
        ActionPoints = actionPoints.ToLookup(a => a.ConclusionId);
    }
}
