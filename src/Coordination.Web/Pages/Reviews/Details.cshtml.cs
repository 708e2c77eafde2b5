using Coordination.Application.Forums;
using Coordination.Application.ReviewCycles;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Reviews;

/// <summary>A review cycle and who reported in it: from its snapshot once closed, from the live data before.</summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    public ReviewCycleDto Cycle { get; private set; } = default!;

    public ForumDto Forum { get; private set; } = default!;

    public ComplianceDto Compliance { get; private set; } = default!;

    public bool FromSnapshot => Compliance.Source == GetComplianceHandler.FromSnapshot;

    // A cycle of a forum the reader may not see is a NotFoundException here, which the error page shows as "not found".
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Cycle = await sender.Send(new GetReviewCycleQuery(id), cancellationToken);
        Forum = await sender.Send(new GetForumQuery(Cycle.ForumId), cancellationToken);
        Compliance = await sender.Send(new GetComplianceQuery(id), cancellationToken);
    }

    /// <summary>Where the organization's assignments in this forum are listed, to follow up the missing reports.</summary>
    public string AssignmentsLink(Guid organizationId) => $"/action-points?forum={Cycle.ForumId}&organization={organizationId}";
}
