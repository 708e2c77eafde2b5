using Coordination.Application.Reports;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Coordination.Web.Pages.Reports;

/// <summary>The regional figures across the closed review cycles, from their frozen snapshots.</summary>
[AllowAnonymous]
public sealed class TrendModel(ISender sender) : ReportPageModel(sender)
{
    public override string ViewPath => "/trend";

    public TrendDto Trend { get; private set; } = default!;

    public async Task OnGetAsync(Guid forumId, CancellationToken cancellationToken)
    {
        Trend = await ReadAsync(forumId, filter => new GetTrendQuery(filter), cancellationToken);
    }
}
