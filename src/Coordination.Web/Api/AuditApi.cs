using Coordination.Application.Audit;
using Coordination.Application.Common.Paging;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>The audit log: who changed what, when.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        // Query parameters spelled out (rather than [AsParameters]) so the OpenAPI document names them in camelCase.
        api.MapGet("/audit", async Task<Ok<Paged<AuditEntryDto>>> (
                string? entityType, Guid? entityId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListAuditEntriesQuery(entityType, entityId, page, pageSize), ct)))
            .WithTags("Audit")
            .WithSummary("Who changed what, when, with the values before and after; newest first (secretariat).")
            .ProducesValidationProblem();
        return api;
    }
}
