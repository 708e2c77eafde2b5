using Coordination.Application.Notifications;
using Coordination.Application.People;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>Invitations: invite a person to an organization, and accept an invitation.</summary>
internal static class InvitationsApi
{
    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/organizations/{id:guid}/invitations", async Task<Created<InvitationDto>> (
                Guid id, InvitationRequest request, ISender sender, IOutboxDispatchTrigger outbox, CancellationToken ct) =>
            {
                var invitation = await sender.Send(new InvitePersonCommand(id, request.Email, request.Role, request.Language), ct);
                // Committed by now: the dispatcher will see the mail.
                outbox.DispatchSoon();
                return TypedResults.Created($"/api/organizations/{id}/invitations/{invitation.Id}", invitation);
            })
            .WithTags("Invitations")
            .WithSummary("Invite a person into the organization with a role (secretariat); the mail carries a single-use link valid for 7 days.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/organizations/{id:guid}/invitations", async Task<Ok<IReadOnlyList<PendingInvitationDto>>> (
                Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPendingInvitationsQuery(id), ct)))
            .WithTags("Invitations")
            .WithSummary("The organization's invitations that can still be accepted, newest first (secretariat).");

        api.MapGet("/organizations/{id:guid}/invitations/{invitationId:guid}", async Task<Ok<PendingInvitationDto>> (
                Guid id, Guid invitationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPendingInvitationQuery(id, invitationId), ct)))
            .WithTags("Invitations")
            .WithSummary("One invitation while it can still be accepted (secretariat); 404 once accepted or expired.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/invitations/accept", async Task<Created<AcceptedInvitationDto>> (
                AcceptInvitationCommand command, ISender sender, CancellationToken ct) =>
            {
                var person = await sender.Send(command, ct);
                return TypedResults.Created($"/api/people/{person.UserId}", person);
            })
            .AllowAnonymous()
            .WithTags("Invitations")
            .WithSummary("Create the invited person's account with the token from the mail's link (no sign-in needed).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    /// <summary><c>role</c> is <c>Secretariat</c>, <c>FocalPoint</c> or <c>Viewer</c>; <c>language</c> (of the mail) <c>en</c> or <c>es</c>.</summary>
    internal sealed record InvitationRequest(string Email, string Role, string? Language = null);
}
