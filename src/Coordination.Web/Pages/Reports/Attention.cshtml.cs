using Coordination.Application.Reports.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Coordination.Web.Pages.Reports;

/// <summary>The overdue and at-risk assignments of the forum, the most urgent first.</summary>
[AllowAnonymous]
public sealed class AttentionModel(ISender sender) : ReportPageModel(sender)
{
    public override string ViewPath => "/attention";

    public AttentionListDto Attention { get; private set; } = default!;

    public async Task OnGetAsync(Guid forumId, CancellationToken cancellationToken)
    {
        Attention = await ReadAsync(forumId, filter => new GetAttentionListQuery(filter), cancellationToken);
        AsOf = Attention.AsOf;
    }
}
