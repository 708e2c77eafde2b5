using System.ComponentModel.DataAnnotations;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Application.Imports;
using Coordination.Application.Imports.Runs;
using Coordination.Application.Notifications;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ValidationException = FluentValidation.ValidationException;

namespace Coordination.Web.Pages.Imports;

/// <summary>
/// The upload page: check a plan file (a dry run that lists every error), then import it. A small file is imported
/// during the request, all rows or none; a large one becomes a background run with its own page. The downloads (the
/// template, a forum's plan) send the same queries as the API, for the signed-in cookie.
/// </summary>
public sealed class IndexModel(
    ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me, IOptions<ImportOptions> importOptions,
    IConfiguration configuration, PlanFileReader reader, IImportRunTrigger trigger, IOutboxDispatchTrigger outbox)
    : PageModel
{
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public IReadOnlyList<ForumDto> Forums { get; private set; } = [];

    /// <summary>The outcome of the check, or of an import refused for its errors.</summary>
    public ImportReport? Report { get; private set; }

    public long MaxFileBytes => importOptions.Value.MaxFileBytes;

    public BackgroundImportOptions Background { get; } = BackgroundImportOptions.From(configuration);

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
            var result = dryRun ? null : await TryQueueAsync(forumId, file.FileName, content, cancellationToken);
            if (result is not null)
                return result;
            if (ModelState.IsValid)
            {
                var (ok, report) = await this.TrySendAsync(
                    sender, new ImportActionPointsCommand(forumId, file.FileName, content, dryRun), cancellationToken: cancellationToken);
                if (ok && report is { HasErrors: false, Written: true })
                {
                    outbox.DispatchSoon(); // committed: the focal points' mails about their new assignments can go
                    TempData["Notice"] = text[
                        "The plan was imported: {0} action points created, {1} updated; {2} assignments created, {3} updated.",
                        report.ActionPointsCreated, report.ActionPointsUpdated, report.AssignmentsCreated, report.AssignmentsUpdated].Value;
                    return Redirect($"/forums/{forumId}");
                }

                Report = report;
            }
        }

        await LoadForumsAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// A large file becomes a background run (and the page of that run); null when the file is small enough to
    /// import now, or when it was refused (the message is beside the field).
    /// </summary>
    private async Task<IActionResult?> TryQueueAsync(Guid forumId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        int rows;
        try
        {
            rows = reader.Read(fileName, content).Count;
        }
        catch (ValidationException refused)
        {
            foreach (var error in refused.Errors)
                ModelState.AddModelError(FileField, text[error.ErrorMessage]);
            return null;
        }

        if (!Background.IsLarge(content.LongLength, rows))
            return null;
        var (ok, runId) = await this.TrySendAsync(sender, new QueueImportCommand(forumId, fileName, content), cancellationToken: cancellationToken);
        if (!ok)
            return null;
        // After the commit, so the job finds the run; if the job is lost, the sweep starts it.
        trigger.RunSoon(runId);
        TempData["Notice"] = text["The file is being imported in the background. You will receive a mail when it is done."].Value;
        return Redirect($"/imports/{runId}");
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

        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError(FileField, text["The file is larger than the limit of {0}.", Megabytes(MaxFileBytes)]);
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

    public sealed class ImportInput
    {
        [Display(Name = "Forum")]
        [Required(ErrorMessage = "Choose the forum to import into.")]
        public Guid? ForumId { get; set; }

        [Display(Name = "File")]
        public IFormFile? File { get; set; }
    }
}
