using Coordination.Application.Imports;
using Coordination.Application.Imports.Runs;
using Coordination.Application.Notifications;
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
                Guid forumId, IFormFile file, PlanFileReader reader, ISender sender, IImportRunTrigger trigger, IOutboxDispatchTrigger outbox, IConfiguration configuration,
                CancellationToken ct, bool dryRun = true, bool background = false) =>
            {
                reader.EnsureSize(file.Length); // before buffering it
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                var content = buffer.ToArray();
                if (!dryRun && background && BackgroundImportOptions.From(configuration).IsLarge(content.LongLength, reader.Read(file.FileName, content).Count))
                {
                    // The caller may hand a large file to a background run rather than wait; it follows it at the Location.
                    var runId = await sender.Send(new QueueImportCommand(forumId, file.FileName, content), ct);
                    trigger.RunSoon(runId); // after the commit, so the job finds the run; the sweep starts it if the job is lost
                    return TypedResults.Accepted($"/api/imports/{runId}", await sender.Send(new GetImportRunQuery(runId), ct));
                }

                var report = await sender.Send(new ImportActionPointsCommand(forumId, file.FileName, content, dryRun), ct);
                if (report.Written)
                    outbox.DispatchSoon(); // committed: the focal points' mails about their new assignments can go
                if (!report.HasErrors || dryRun)
                    return TypedResults.Ok(report);
                return TypedResults.Problem(
                    title: "The file has errors: nothing was imported.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["errors"] = report.Errors, ["report"] = report });
            })
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Import conclusions, action points and assignments from a CSV or XLSX file (form field `file`; secretariat). "
                + "dryRun=true (the default) checks every row and writes nothing; dryRun=false writes every row, or nothing "
                + "and 400 with the report's errors when any row has one; with background=true a large file "
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

    private static FileContentHttpResult File(PlanDownload file) =>
        TypedResults.File(file.Content, file.ContentType, file.FileName);
}
