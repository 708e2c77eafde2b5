using Coordination.Application.Imports.Runs;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>Background imports of large plan files: their state, progress and, once done, report.</summary>
internal static class ImportRunsApi
{
    public static RouteGroupBuilder MapImportRunsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/imports/{id:guid}", async Task<Ok<ImportRunDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetImportRunQuery(id), ct)))
            .WithTags("Imports")
            .WithSummary("A background import: its state, rows total and done, and its report once finished (secretariat).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
