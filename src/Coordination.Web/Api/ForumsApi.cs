using Coordination.Application.Common.Paging;
using Coordination.Application.Forums;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>Forums and their conclusions.</summary>
internal static class ForumsApi
{
    public static RouteGroupBuilder MapForumsApi(this RouteGroupBuilder api)
    {
        var forums = api.MapGroup("/forums").WithTags("Forums");

        forums.MapGet("/", async Task<Ok<Paged<ForumDto>>> (
                [AsParameters] ListForumsQuery query, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(query, ct)))
            .ProducesValidationProblem()
            .WithSummary("The forums the caller may read (a focal point: those their organization takes part in), by title or place.");

        forums.MapGet("/{id:guid}", async Task<Ok<ForumDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetForumQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One forum, with its participants.");

        forums.MapPost("/", async Task<Created<ForumDto>> (CreateForumCommand command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/forums/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .WithSummary("Record a forum (secretariat). requiresValidation defaults to true; participantIds to none; confidential "
                + "(focal points and viewers see other organizations' assignments only as accepted) to false.");

        forums.MapPut("/{id:guid}", async Task<Ok<ForumDto>> (Guid id, ForumChange change, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(
                new UpdateForumCommand(
                    id, change.Title, change.Place, change.StartDate, change.EndDate, change.Description, change.RequiresValidation,
                    change.ParticipantIds, change.Version, change.Confidential),
                ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edit a forum (secretariat); send the version you read. participantIds, when given, replaces the "
                + "participants; an organization with assignments in the forum cannot be removed. requiresValidation and "
                + "confidential, when left out, stay as they are.");

        forums.MapGet("/{id:guid}/conclusions", async Task<Ok<Paged<ConclusionDto>>> (
                Guid id, string? theme, int? gcmObjective, string? sdgTarget, int? page, int? pageSize,
                ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListConclusionsQuery(id, theme, gcmObjective, sdgTarget, page, pageSize), ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A forum's conclusions in number order, by theme, GCM objective or SDG target.");

        forums.MapPost("/{id:guid}/conclusions", async Task<Created<ConclusionDto>> (
                Guid id, ConclusionInput input, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(
                    new CreateConclusionCommand(id, input.Number, input.Text, input.Theme, input.GcmObjectives, input.SdgTargets), ct);
                return TypedResults.Created($"/api/conclusions/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record a conclusion of the forum (secretariat); its number is unique within the forum.");

        var conclusions = api.MapGroup("/conclusions").WithTags("Forums");

        conclusions.MapGet("/{id:guid}", async Task<Ok<ConclusionDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetConclusionQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One conclusion.");

        conclusions.MapPut("/{id:guid}", async Task<Ok<ConclusionDto>> (
                Guid id, ConclusionChange change, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(
                new UpdateConclusionCommand(
                    id, change.Number, change.Text, change.Theme, change.GcmObjectives, change.SdgTargets, change.Version),
                ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edit a conclusion (secretariat); send the version you read.");

        return api;
    }

    internal sealed record ForumChange(
        string Title, string Place, DateOnly? StartDate, DateOnly? EndDate, string? Description, bool? RequiresValidation,
        IReadOnlyList<Guid>? ParticipantIds, string Version, bool? Confidential = null);

    internal sealed record ConclusionInput(
        int Number, string Text, string Theme, IReadOnlyList<int>? GcmObjectives, IReadOnlyList<string>? SdgTargets);

    internal sealed record ConclusionChange(
        int Number, string Text, string Theme, IReadOnlyList<int>? GcmObjectives, IReadOnlyList<string>? SdgTargets, string Version);
}
