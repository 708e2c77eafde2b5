using Coordination.Application.Reports.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Coordination.Web.Pages.Reports;

/// <summary>Reporting compliance per review cycle: organization × cycle, on time / late / missing, and so far in the open cycle.</summary>
[AllowAnonymous]
public sealed class ComplianceModel(ISender sender) : ReportPageModel(sender)
{
    public override string ViewPath => "/compliance";

    public ComplianceMatrixDto Compliance { get; private set; } = default!;

    public async Task OnGetAsync(Guid forumId, CancellationToken cancellationToken)
    {
        Compliance = await ReadAsync(forumId, filter => new GetComplianceMatrixQuery(filter), cancellationToken);
    }
}
