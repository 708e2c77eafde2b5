using Coordination.Application.Me;
using Coordination.Application.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

internal static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMeQuery(), ct)))
            .WithTags("People")
            .WithSummary("The signed-in person: roles and organization.");

        api.MapGet("/me/preferences", async Task<Ok<MyPreferencesDto>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyPreferencesQuery(), ct)))
            .WithTags("People")
            .WithSummary("The signed-in person's mail preferences.");

        api.MapPut("/me/preferences", async Task<Ok<MyPreferencesDto>> (PreferencesRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateMyPreferencesCommand(request.ReceivesDigest), ct)))
            .WithTags("People")
            .WithSummary("Switch the weekly digest (sent to the secretariat) on or off; reminders cannot be switched off.")
            .ProducesValidationProblem();
        return api;
    }

    /// <summary><c>receivesDigest</c> is required; nullable so that a missing one is a 400 naming it.</summary>
    internal sealed record PreferencesRequest(bool? ReceivesDigest);
}
