using Coordination.Application.People;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>People with an account (the address an accepted invitation answers with).</summary>
internal static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{id:guid}", async Task<Ok<PersonDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPersonQuery(id), ct)))
            .WithTags("People")
            .WithSummary("One person's account: name, e-mail, role, organization, whether active (secretariat).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
