using Coordination.Application.Common;
using Coordination.Application.Imports;
using Coordination.Application.Imports.Runs;
using Coordination.Domain.Imports;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Pages.Imports;

/// <summary>
/// A background import: its progress while it runs (the page refreshes itself every 2 s with import-run.js, or by its
/// "Refresh" link without script), then its report. A checked file (its checker's only) shows what importing it would
/// change and offers to import it, until it expires. The secretariat only: the query refuses anyone else.
/// </summary>
public sealed class RunModel(ISender sender, IOptions<ImportOptions> options, TimeProvider clock) : PageModel
{
    public ImportRunDto Run { get; private set; } = null!;

    public int KeepFilesDays => options.Value.KeepFilesDays;

    /// <summary>A checked file still to import: offered with its report; null once imported, queued or expired.</summary>
    public IndexModel.CheckedFile? Checked =>
        Run is { State: ImportRunState.Checked, FileReleasedAt: null, Report: { } report } && Run.ExpiresAt > clock.UtcNow()
            ? new IndexModel.CheckedFile(Run.Id, Run.ForumId, Run.FileName, report)
            : null;

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
