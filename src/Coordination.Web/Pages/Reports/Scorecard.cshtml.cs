using Coordination.Application.Reports.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Coordination.Web.Pages.Reports;

/// <summary>One organization's scorecard in the forum's report: its figures and its assignments.</summary>
[AllowAnonymous]
public sealed class ScorecardModel(ISender sender) : ReportPageModel(sender)
{
    // Not one of the tabs: the filters and tabs lead back to the dashboard.
    public override string ViewPath => $"/organizations/{Scorecard.OrganizationId}";

    public OrganizationScorecardDto Scorecard { get; private set; } = default!;

    public async Task OnGetAsync(Guid forumId, Guid organizationId, CancellationToken cancellationToken)
    {
        Scorecard = await ReadAsync(forumId, filter => new GetOrganizationScorecardQuery(filter, organizationId), cancellationToken);
        AsOf = Scorecard.AsOf;
    }
}
