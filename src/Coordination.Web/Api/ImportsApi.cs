using Coordination.Application.Imports;
using Coordination.Application.Imports.Runs;
using Coordination.Application.Notifications;
using Coordination.Domain.Imports;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>
/// The plan spreadsheet round trip: import (dry run by default), its template, and the export of a forum's plan in
/// the same format (docs/import-format.md).
/// </summary>
internal static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports/action-points").WithTags("Imports");

        imports.MapPost("/", async Task<Results<Ok<ImportReport>, Accepted<ImportRunDto>, ProblemHttpResult>> (
                Guid forumId, IFormFile file, PlanFileReader reader, ISender sender, IImportRunTrigger trigger, IOutboxDispatchTrigger outbox,
                CancellationToken ct, bool dryRun = true, bool background = false) =>
            {
                reader.EnsureSize(file.Length); // before buffering it
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                // The caller may hand a large file to a background run rather than wait: the command decides, as for the page.
                var report = await sender.Send(new ImportActionPointsCommand(forumId, file.FileName, buffer.ToArray(), dryRun, background), ct);
                report.Start(trigger, outbox);
                if (report.Run is { State: ImportRunState.Queued } run)
                    return TypedResults.Accepted($"/api/imports/{run.Id}", await sender.Send(new GetImportRunQuery(run.Id), ct));
                if (!report.HasErrors || dryRun)
                    return TypedResults.Ok(report);
                // Problem details' errors are keyed by field, here the cell (`rows[7].due_date`); the report keeps the list.
                return TypedResults.Problem(
                    title: "The file has errors: nothing was imported.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["errors"] = ByCell(report.Errors), ["report"] = report });
            })
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Import conclusions, action points and assignments from a CSV or XLSX file (form field `file`; secretariat). "
                + "dryRun=true (the default) checks every row and writes nothing; dryRun=false writes every row, or nothing "
                + "and 400 when any row has an error (`errors` keyed by cell, e.g. `rows[7].due_date`, and the whole `report`); with background=true a large file "
                + "(Imports:BackgroundAboveRows/Bytes) is imported by a background run instead: 202 with the run, to follow at /api/imports/{id}.");

        imports.MapGet("/template.csv", async Task<FileContentHttpResult> (ISender sender, CancellationToken ct) =>
                File(await sender.Send(new GetImportTemplateQuery(), ct)))
            .Produces<byte[]>(StatusCodes.Status200OK, PlanFileWriter.CsvContentType)
            .WithSummary("The import format's header row and one example row (secretariat).");

        var plan = api.MapGroup("/forums/{id:guid}").WithTags("Imports");

        plan.MapGet("/plan.csv", async Task<FileContentHttpResult> (Guid id, ISender sender, CancellationToken ct) =>
                File(await sender.Send(new ExportPlanQuery(id, PlanFileType.Csv), ct)))
            .Produces<byte[]>(StatusCodes.Status200OK, PlanFileWriter.CsvContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The forum's conclusions, action points and assignments in the import format, as CSV (UTF-8 with BOM).");

        plan.MapGet("/plan.xlsx", async Task<FileContentHttpResult> (Guid id, ISender sender, CancellationToken ct) =>
                File(await sender.Send(new ExportPlanQuery(id, PlanFileType.Xlsx), ct)))
            .Produces<byte[]>(StatusCodes.Status200OK, PlanFileWriter.XlsxContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The forum's plan in the import format, as an Excel workbook.");

        return api;
    }

    private static Dictionary<string, string[]> ByCell(IEnumerable<ImportError> errors) =>
        errors.GroupBy(e => $"rows[{e.Row}].{e.Column}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    private static FileContentHttpResult File(PlanDownload file) =>
        TypedResults.File(file.Content, file.ContentType, file.FileName);
}
