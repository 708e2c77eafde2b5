using Coordination.Application.ActionPoints;
using Coordination.Application.Assignments;
using Coordination.Application.Common.Paging;
using Coordination.Application.Notifications;
using Coordination.Domain.ActionPoints;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>Action points, and assigning them to organizations.</summary>
internal static class ActionPointsApi
{
    public static RouteGroupBuilder MapActionPointsApi(this RouteGroupBuilder api)
    {
        MapActionPoints(api.MapGroup("/action-points").WithTags("Action points"));
        MapAssignments(api.MapGroup("/assignments").WithTags("Assignments"));
        return api;
    }

    private static void MapActionPoints(RouteGroupBuilder actionPoints)
    {
        actionPoints.MapGet("/", async Task<Ok<Paged<ActionPointDto>>> (
                [AsParameters] ListActionPointsQuery query, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(query, ct)))
            .WithSummary("Action points of the forums you may read, by code; the organization, country, status and overdue "
                + "filters match an action point when one of its assignments matches them all.")
            .ProducesValidationProblem();

        actionPoints.MapGet("/{id:guid}", async Task<Ok<ActionPointDetailsDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetActionPointQuery(id), ct)))
            .WithSummary("One action point with its assignments and their current status.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        actionPoints.MapPost("/", async Task<Created<ActionPointDto>> (
                CreateActionPointCommand command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/action-points/{created.Id}", created);
            })
            .WithSummary("Add an action point to a conclusion (secretariat); its code is unique within the forum.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        actionPoints.MapPut("/{id:guid}", async Task<Ok<ActionPointDto>> (
                Guid id, ActionPointChange change, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(
                new UpdateActionPointCommand(
                    id, change.ConclusionId, change.Code, change.Title, change.Description, change.Priority,
                    change.StartDate, change.DueDate, change.Indicator, change.Version),
                ct)))
            .WithSummary("Edit an action point (secretariat); it may move to another conclusion of the same forum. Send the version you read.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        actionPoints.MapPost("/{id:guid}/assignments", async Task<Created<AssignmentDto>> (
                Guid id, AssignmentRequest request, ISender sender, IOutboxDispatchTrigger outbox, CancellationToken ct) =>
            {
                var created = await sender.Send(new AssignActionPointCommand(id, request.OrganizationId, request.Role, request.DueDate), ct);
                outbox.DispatchSoon(); // committed: the focal points' mails can go
                return TypedResults.Created($"/api/assignments/{created.Id}", created);
            })
            .WithSummary("Assign the action point to one organization (secretariat); an organization not yet taking part in the forum is added to it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        actionPoints.MapPost("/{id:guid}/assignments/bulk", async Task<Ok<BulkAssignmentResult>> (
                Guid id, BulkAssignmentRequest request, ISender sender, IOutboxDispatchTrigger outbox, CancellationToken ct) =>
            {
                var assigned = await sender.Send(
                    new BulkAssignActionPointCommand(id, request.OrganizationIds, request.AllMemberStateInstitutions, request.Role, request.DueDate), ct);
                outbox.DispatchSoon(); // committed: the focal points' mails can go
                return TypedResults.Ok(assigned);
            })
            .WithSummary("Assign the action point to the listed organizations, or to every participating member-state institution "
                + "(secretariat); organizations already assigned are skipped.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapAssignments(RouteGroupBuilder assignments)
    {
        assignments.MapGet("/", async Task<Ok<Paged<AssignmentDto>>> (
                [AsParameters] ListAssignmentsQuery query, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(query, ct)))
            .WithSummary("Assignments of the forums you may read, by due date; a focal point gets their own organization's unless they filter by another.")
            .ProducesValidationProblem();

        assignments.MapGet("/{id:guid}", async Task<Ok<AssignmentDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetAssignmentQuery(id), ct)))
            .WithSummary("One assignment with its official status, flags and what awaits validation.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        assignments.MapPut("/{id:guid}", async Task<Ok<AssignmentDto>> (
                Guid id, AssignmentChange change, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ChangeAssignmentCommand(id, change.Role, change.DueDate, change.Version), ct)))
            .WithSummary("Change an assignment's role or due date (secretariat); send the version you read.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        assignments.MapPost("/{id:guid}/cancel", async Task<Ok<AssignmentDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelAssignmentCommand(id), ct)))
            .WithSummary("Cancel an assignment (secretariat).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record ActionPointChange(
        Guid ConclusionId, string Code, string Title, string? Description, Priority Priority,
        DateOnly StartDate, DateOnly DueDate, IndicatorInput? Indicator, string Version);

    internal sealed record AssignmentRequest(Guid OrganizationId, AssignmentRole Role, DateOnly? DueDate);

    internal sealed record BulkAssignmentRequest(
        IReadOnlyList<Guid>? OrganizationIds, bool? AllMemberStateInstitutions, AssignmentRole Role, DateOnly? DueDate);

    internal sealed record AssignmentChange(AssignmentRole Role, DateOnly? DueDate, string Version);
}
