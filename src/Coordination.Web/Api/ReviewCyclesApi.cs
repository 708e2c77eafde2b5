using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Notifications;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ReviewCycles;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coordination.Web.Api;

/// <summary>Review schedules and review cycles: create, open, close, compliance.</summary>
internal static class ReviewCyclesApi
{
    public static RouteGroupBuilder MapReviewCyclesApi(this RouteGroupBuilder api)
    {
        var forums = api.MapGroup("/forums/{id:guid}").WithTags("Review cycles");

        // The contract answers 404 for a forum without a schedule, as for a forum the caller may not see (api.md).
        forums.MapGet("/review-schedule", async Task<Ok<ReviewScheduleDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetReviewScheduleQuery(id), ct) ?? throw new NotFoundException("Review schedule of forum", id)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The forum's review schedule, with the next cycles it will open (404 when it has none).");

        forums.MapPut("/review-schedule", async Task<Ok<ReviewScheduleDto>> (
                Guid id, ReviewScheduleRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(
                new SetReviewScheduleCommand(
                    id, request.Recurrence, request.CronExpression, request.FirstOpensOn, request.WindowDays, request.ReminderOffsets,
                    request.MeetingDaysAfterDeadline, request.TimeZone),
                ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Set or replace the forum's review schedule (secretariat).")
            .WithDescription(
                "recurrence is Monthly, Quarterly, HalfYearly or Cron (then cronExpression, five fields, gives the opening days); "
                + "the first cycle opens on firstOpensOn, each stays open windowDays days to its submission deadline; reminderOffsets "
                + "(default 14, 7, 1) are days before the deadline; the meeting is meetingDaysAfterDeadline days after it; days are "
                + "counted in timeZone (an IANA id). Cycles the old schedule made that have not opened follow the new one; the "
                + "current and the next cycle are created at once and opened on their day.");

        forums.MapDelete("/review-schedule", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveReviewScheduleCommand(id), ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove the forum's review schedule (secretariat), with the cycles it made that have not opened yet.");

        forums.MapGet("/review-cycles", async Task<Ok<Paged<ReviewCycleDto>>> (
                Guid id, ReviewCycleState? state, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListReviewCyclesQuery(id, state, page, pageSize), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The forum's review cycles, the latest opening first; state filters Scheduled, Open or Closed.");

        forums.MapPost("/review-cycles", async Task<Created<ReviewCycleDto>> (
                Guid id, ReviewCycleInput input, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(
                    new CreateReviewCycleCommand(id, input.Name, input.OpensOn, input.SubmissionDeadline, input.MeetingDate), ct);
                return TypedResults.Created($"/api/review-cycles/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a review cycle by hand (secretariat); it stays Scheduled until it is opened.");

        var cycles = api.MapGroup("/review-cycles").WithTags("Review cycles");

        cycles.MapGet("/{id:guid}", async Task<Ok<ReviewCycleDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetReviewCycleQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One review cycle.");

        cycles.MapPut("/{id:guid}", async Task<Ok<ReviewCycleDto>> (
                Guid id, ReviewCycleChange change, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(
                new ChangeReviewCycleCommand(id, change.Name, change.OpensOn, change.SubmissionDeadline, change.MeetingDate, change.Version), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rename or re-date a cycle that is not closed (secretariat); send the version you read.");

        cycles.MapPost("/{id:guid}/open", async Task<Ok<ReviewCycleDto>> (
                Guid id,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] VersionInput? input,
                ISender sender,
                IOutboxDispatchTrigger outbox,
                CancellationToken ct) =>
            {
                var opened = await sender.Send(new OpenReviewCycleCommand(id, input?.Version), ct);
                // Committed by now: the dispatcher will see the mails.
                outbox.DispatchSoon();
                return TypedResults.Ok(opened);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Open a scheduled cycle (secretariat): every focal point of an organization with an active assignment "
                + "in the forum is mailed the links to report. The body { version } is optional; a stale version is refused.");

        cycles.MapPost("/{id:guid}/close", async Task<Ok<ReviewCycleDto>> (
                Guid id,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] VersionInput? input,
                ISender sender,
                CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CloseReviewCycleCommand(id, input?.Version), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close an open cycle (secretariat), freezing the snapshot of every assignment. The body { version } is optional.");

        cycles.MapGet("/{id:guid}/compliance", async Task<Ok<ComplianceDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetComplianceQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who reported in the cycle, per organization: expected, submitted on time, late, missing.")
            .WithDescription(
                "Expected counts the organization's assignments in the forum that are not cancelled and were not completed "
                + "before the cycle opened. A closed cycle is read from its snapshot (source Snapshot), an open one from the "
                + "live data (source Live).");

        return api;
    }

    /// <summary>Required fields are nullable so a missing one is a 400 naming it, not a silent default.</summary>
    internal sealed record ReviewScheduleRequest(
        ReviewRecurrence? Recurrence,
        string? CronExpression,
        DateOnly? FirstOpensOn,
        int? WindowDays,
        IReadOnlyList<int>? ReminderOffsets,
        int? MeetingDaysAfterDeadline,
        string? TimeZone);

    internal sealed record ReviewCycleInput(string? Name, DateOnly? OpensOn, DateOnly? SubmissionDeadline, DateOnly? MeetingDate);

    internal sealed record ReviewCycleChange(string? Name, DateOnly? OpensOn, DateOnly? SubmissionDeadline, DateOnly? MeetingDate, string? Version);

    internal sealed record VersionInput(string? Version);
}
