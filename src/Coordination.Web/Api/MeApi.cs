using Coordination.Application.Me;
using Mediator;

namespace Coordination.Web.Api;

internal static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMeQuery(), ct)))
            .WithTags("People")
            .WithSummary("The signed-in person: roles and organization.");
        return api;
    }
}
