using Coordination.Application.Imports.Runs;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Imports;

/// <summary>
/// A background import: its progress while it runs (the page refreshes itself every 2 s with import-run.js, or by its
/// "Refresh" link without script), then its report. The secretariat only: the query refuses anyone else.
/// </summary>
public sealed class RunModel(ISender sender) : PageModel
{
    public ImportRunDto Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid runId, CancellationToken cancellationToken)
    {
        Run = await sender.Send(new GetImportRunQuery(runId), cancellationToken);
        return Page();
    }

    /// <summary>What the script needs to move the bar; the page itself shows the rest once the run is finished.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await sender.Send(new GetImportRunQuery(runId), cancellationToken);
        return new JsonResult(new ImportRunStatus(run.State.ToString(), run.RowsTotal, run.RowsDone, run.IsFinished));
    }

    public sealed record ImportRunStatus(string State, int RowsTotal, int RowsDone, bool Finished);
}
