using Coordination.Application.Common.Paging;
using Coordination.Application.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>The outbox as the secretariat sees it: mails that could not be delivered.</summary>
internal static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder api)
    {
        api.MapGet("/outbox/failed", async Task<Ok<Paged<FailedMailDto>>> (
                [AsParameters] ListFailedMailsQuery query, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(query, ct)))
            .WithTags("Outbox")
            .WithSummary("Mails given up on, newest first, with the mail service's last answer (secretariat).");
        return api;
    }
}
