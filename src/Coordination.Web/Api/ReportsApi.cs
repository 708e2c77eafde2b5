using Coordination.Application.Forums;
using Coordination.Application.Reports;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coordination.Web.Api;

/// <summary>
/// The regional status reports (JSON, CSV, XLSX, trend) and their publication. The report routes let anonymous callers
/// through; the queries decide: a published forum's report for anyone, otherwise the signed-in people who may read the
/// forum, and 404 for everyone else.
/// </summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").AllowAnonymous();

        reports.MapGet("/regional-status", async Task<Ok<RegionalStatusDto>> (
                [AsParameters] ReportFilterInput filter, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetRegionalStatusQuery(filter.Read()), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A forum's regional status: overall and by country, organization, theme, GCM objective and SDG target. "
                + "Anyone for a published report; otherwise signed-in readers of the forum.");

        reports.MapGet("/regional-status.csv", async Task<FileContentHttpResult> (
                [AsParameters] ReportFilterInput filter, ISender sender, CancellationToken ct) =>
            File(await sender.Send(new GetRegionalStatusFileQuery(filter.Read(), ReportFileFormat.Csv), ct)))
            .Produces<byte[]>(StatusCodes.Status200OK, ReportCsv.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The regional status figures as CSV (UTF-8 with BOM; one line overall and one per breakdown item).");

        reports.MapGet("/regional-status.xlsx", async Task<FileContentHttpResult> (
                [AsParameters] ReportFilterInput filter, ISender sender, CancellationToken ct) =>
            File(await sender.Send(new GetRegionalStatusFileQuery(filter.Read(), ReportFileFormat.Xlsx), ct)))
            .Produces<byte[]>(StatusCodes.Status200OK, ReportXlsx.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The regional status as an Excel workbook: Summary, one sheet per breakdown, Assignments, accepted Updates.");

        reports.MapGet("/trend", async Task<Ok<TrendDto>> (
                [AsParameters] ReportFilterInput filter, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTrendQuery(filter.Read()), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One point per closed review cycle, oldest first, from the snapshot frozen when it closed.");

        reports.MapGet("/published", async Task<Ok<IReadOnlyList<ReportForumDto>>> (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListReportForumsQuery(PublishedOnly: true), ct)))
            .WithSummary("The forums whose report is published, readable by anyone.");

        var publication = api.MapGroup("/forums/{id:guid}/report").WithTags("Reports");

        publication.MapPost("/publish", async Task<Ok<ForumDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new PublishReportCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Make the forum's report readable without sign-in (secretariat). Returns the forum.");

        publication.MapPost("/unpublish", async Task<Ok<ForumDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UnpublishReportCommand(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Take the forum's report back from the public (secretariat). Returns the forum.");

        return api;
    }

    private static FileContentHttpResult File(ReportFile file) =>
        TypedResults.File(file.Content, file.ContentType, file.FileName);

    /// <summary>
    /// The filter as the query string carries it. Bound as text and read by <see cref="ReportFilter.Read"/> so that a
    /// value that is not a GUID, a kind or a number is a 400 naming its field, like every other invalid value.
    /// </summary>
    internal sealed record ReportFilterInput(
        [FromQuery(Name = ReportFilter.Keys.ForumId)] string? ForumId,
        [FromQuery(Name = ReportFilter.Keys.CountryCode)] string? CountryCode,
        [FromQuery(Name = ReportFilter.Keys.OrganizationKind)] string? OrganizationKind,
        [FromQuery(Name = ReportFilter.Keys.Theme)] string? Theme,
        [FromQuery(Name = ReportFilter.Keys.GcmObjective)] string? GcmObjective,
        [FromQuery(Name = ReportFilter.Keys.SdgTarget)] string? SdgTarget)
    {
        public ReportFilter Read() => ReportFilter.Parse(key => key switch
        {
            ReportFilter.Keys.ForumId => ForumId,
            ReportFilter.Keys.CountryCode => CountryCode,
            ReportFilter.Keys.OrganizationKind => OrganizationKind,
            ReportFilter.Keys.Theme => Theme,
            ReportFilter.Keys.GcmObjective => GcmObjective,
            ReportFilter.Keys.SdgTarget => SdgTarget,
            _ => null,
        });
    }
}
