using System.ComponentModel.DataAnnotations;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Application.Imports;
using Coordination.Application.Imports.Runs;
using Coordination.Application.Notifications;
using Coordination.Domain.Imports;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Pages.Imports;

/// <summary>
/// The upload page: check a plan file (a dry run that lists every error), then import it. A file checked without errors
/// is kept on the server (a checked run of the person, for 24 hours), so the page offers "Import this file" without
/// choosing it again. A small file is imported during the request, all rows or none; a large one becomes a background run
/// with its own page. The downloads (the template, a forum's plan) send the same queries as the API, for the signed-in cookie.
/// </summary>
public sealed class IndexModel(
    ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me, IOptions<ImportOptions> importOptions,
    IImportRunTrigger trigger, IOutboxDispatchTrigger outbox)
    : PageModel
{
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public IReadOnlyList<ForumDto> Forums { get; private set; } = [];

    /// <summary>The outcome of the check, or of an import refused for its errors.</summary>
    public ImportReport? Report { get; private set; }

    /// <summary>The file the check kept, offered for import; null when the check found errors.</summary>
    public CheckedFile? Checked { get; private set; }

    public ImportOptions Options => importOptions.Value;

    public async Task<IActionResult> OnGetAsync(Guid? forumId, CancellationToken cancellationToken)
    {
        if (!me.IsSecretariat())
            return Forbid();
        Input.ForumId = forumId;
        await LoadForumsAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken) => SubmitAsync(dryRun: true, cancellationToken);

    public Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken) => SubmitAsync(dryRun: false, cancellationToken);

    /// <summary>"Import this file": the checked file, kept on the server, imported without a new upload.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (!me.IsSecretariat())
            return Forbid();
        ModelState.Clear(); // the form holds the checked file's run and forum, not a file
        if (Input.ForumId is not { } forumId)
            return NotFound();
        var (ok, report) = await this.TrySendAsync(
            sender, ImportActionPointsCommand.ForCheckedFile(forumId, runId), cancellationToken: cancellationToken);
        if (ok && report is not null && Done(report) is { } done)
            return done;
        Report = report;
        await LoadForumsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken) =>
        Download(await sender.Send(new GetImportTemplateQuery(), cancellationToken));

    public async Task<IActionResult> OnGetPlanAsync(Guid forumId, string? format, CancellationToken cancellationToken)
    {
        var type = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? PlanFileType.Xlsx : PlanFileType.Csv;
        return Download(await sender.Send(new ExportPlanQuery(forumId, type), cancellationToken));
    }

    private FileContentResult Download(PlanDownload download) => File(download.Content, download.ContentType, download.FileName);

    private async Task<IActionResult> SubmitAsync(bool dryRun, CancellationToken cancellationToken)
    {
        if (!me.IsSecretariat())
            return Forbid();
        var content = await ReadFileAsync(cancellationToken);
        if (ModelState.IsValid && content is not null && Input.ForumId is { } forumId && Input.File is { } file)
        {
            // One command reads the file and decides: check it (keeping it when clean), import it now, or queue it.
            var (ok, report) = await this.TrySendAsync(
                sender, new ImportActionPointsCommand(forumId, file.FileName, content, dryRun, Background: true, KeepChecked: true),
                cancellationToken: cancellationToken);
            if (ok && report is not null && Done(report) is { } done)
                return done;
            Report = report;
            if (report?.Run is { State: ImportRunState.Checked } kept)
                Checked = new CheckedFile(kept.Id, forumId, Path.GetFileName(file.FileName), report);
        }

        await LoadForumsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Where a queued or written import leads (after its follow-ups start); null when the page shows a report.</summary>
    private RedirectResult? Done(ImportReport report)
    {
        report.Start(trigger, outbox);
        if (report.Run is { State: ImportRunState.Queued } run)
        {
            TempData["Notice"] = text["The file is being imported in the background. You will receive a mail when it is done."].Value;
            return Redirect($"/imports/{run.Id}");
        }

        if (report is not { HasErrors: false, Written: true })
            return null;
        TempData["Notice"] = text[
            "The plan was imported: {0} action points created, {1} updated; {2} assignments created, {3} updated.",
            report.ActionPointsCreated, report.ActionPointsUpdated, report.AssignmentsCreated, report.AssignmentsUpdated].Value;
        return Redirect($"/forums/{Input.ForumId}");
    }

    private const string FileField = $"{nameof(Input)}.{nameof(ImportInput.File)}";

    /// <summary>The uploaded bytes, or null with the reason beside the field: none chosen, wrong type, too large.</summary>
    private async Task<byte[]?> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (Input.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError(FileField, text["Choose a CSV or Excel (.xlsx) file."]);
            return null;
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            ModelState.AddModelError(FileField, text["Only CSV (.csv) and Excel (.xlsx) files are accepted."]);
            return null;
        }

        if (file.Length > Options.MaxFileBytes)
        {
            ModelState.AddModelError(FileField, text["The file is larger than the limit of {0}.", Megabytes(Options.MaxFileBytes)]);
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task LoadForumsAsync(CancellationToken cancellationToken) =>
        Forums = (await sender.Send(new ListForumsQuery(PageSize: Application.Common.Paging.Paging.MaxPageSize), cancellationToken)).Items;

    /// <summary>"10 MB", "1.5 MB" in the page's culture.</summary>
    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

    /// <summary>A file the check kept, offered for import by its run's id (partial _ImportCheckedFile).</summary>
    public sealed record CheckedFile(Guid RunId, Guid ForumId, string FileName, ImportReport Report);

    public sealed class ImportInput
    {
        [Display(Name = "Forum")]
        [Required(ErrorMessage = "Choose the forum to import into.")]
        public Guid? ForumId { get; set; }

        [Display(Name = "File")]
        public IFormFile? File { get; set; }
    }
}
