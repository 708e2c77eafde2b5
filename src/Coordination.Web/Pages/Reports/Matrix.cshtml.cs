using Coordination.Application.Reports.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Coordination.Web.Pages.Reports;

/// <summary>The country × action matrix, projected at review meetings and printed on A4 landscape.</summary>
[AllowAnonymous]
public sealed class MatrixModel(ISender sender) : ReportPageModel(sender)
{
    public override string ViewPath => "/matrix";

    public ReportMatrixDto Matrix { get; private set; } = default!;

    public async Task OnGetAsync(Guid forumId, CancellationToken cancellationToken)
    {
        Matrix = await ReadAsync(forumId, filter => new GetReportMatrixQuery(filter), cancellationToken);
        AsOf = Matrix.AsOf;
    }
}
