using Coordination.Application.Common.Paging;
using Coordination.Application.Notifications;
using Coordination.Application.Progress;
using Coordination.Domain.ActionPoints;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Coordination.Web.Api;

/// <summary>Progress updates: report, history, accept, return.</summary>
internal static class ProgressApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapProgressApi(this RouteGroupBuilder api)
    {
        api.MapPost("/assignments/{id:guid}/progress-updates", async Task<Created<ProgressUpdateDto>> (
                Guid id,
                ProgressReportRequest report,
                [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
                ISender sender,
                CancellationToken ct) =>
            {
                var update = await sender.Send(new ReportProgressCommand(
                    id, report.Status, report.PercentComplete, report.Narrative, report.Obstacles, report.SupportNeeded,
                    report.EvidenceLinks, report.IndicatorValue, report.ReviewCycleId, report.RevisionOfId, idempotencyKey), ct);
                return TypedResults.Created($"/api/progress-updates/{update.Id}", update);
            })
            .WithTags("Progress updates")
            .WithSummary("Report progress on an assignment (its organization's focal points, or the secretariat on its behalf).")
            .WithDescription(
                "Where the forum requires validation the update awaits the secretariat; otherwise the assignment's status "
                + "changes at once. Send an Idempotency-Key header (at most 100 characters) to make retries safe: the same "
                + "key with the same body returns the first update again; with a different body it is refused (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/assignments/{id:guid}/progress-updates", async Task<Ok<Paged<ProgressUpdateDto>>> (
                Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListProgressHistoryQuery(id, page, pageSize), ct)))
            .WithTags("Progress updates")
            .WithSummary("An assignment's progress updates, newest first, each with its state (Submitted, Accepted, Returned).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var updates = api.MapGroup("/progress-updates").WithTags("Progress updates");

        updates.MapGet("/", async Task<Ok<Paged<ProgressQueueItemDto>>> (
                [AsParameters] ListProgressUpdatesQuery query, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(query, ct)))
            .WithSummary("Progress updates across assignments, oldest first (secretariat); state=Submitted is the validation queue.")
            .ProducesValidationProblem();

        updates.MapGet("/{id:guid}", async Task<Ok<ProgressUpdateDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetProgressUpdateQuery(id), ct)))
            .WithSummary("One progress update.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        updates.MapPost("/{id:guid}/accept", async Task<Ok<ProgressUpdateDto>> (
                Guid id, ISender sender, IOutboxDispatchTrigger outbox, CancellationToken ct) =>
            {
                var accepted = await sender.Send(new AcceptProgressUpdateCommand(id), ct);
                outbox.DispatchSoon(); // committed: the mail to the submitter can go
                return TypedResults.Ok(accepted);
            })
            .WithSummary("Accept an update awaiting validation (secretariat): the assignment's official status and percent follow it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        updates.MapPost("/{id:guid}/return", async Task<Ok<ProgressUpdateDto>> (
                Guid id, ReturnRequest request, ISender sender, IOutboxDispatchTrigger outbox, CancellationToken ct) =>
            {
                var returned = await sender.Send(new ReturnProgressUpdateCommand(id, request.Comment), ct);
                outbox.DispatchSoon(); // committed: the mail to the submitter can go
                return TypedResults.Ok(returned);
            })
            .WithSummary("Return an update awaiting validation with a comment (secretariat); the focal point revises it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary>The body of a report. Required fields are nullable so a missing one is a 400 naming it, not a silent default.</summary>
    internal sealed record ProgressReportRequest(
        AssignmentStatus? Status,
        int? PercentComplete,
        string? Narrative,
        string? Obstacles,
        string? SupportNeeded,
        IReadOnlyList<string?>? EvidenceLinks,
        decimal? IndicatorValue,
        Guid? ReviewCycleId,
        Guid? RevisionOfId);

    internal sealed record ReturnRequest(string? Comment);
}
