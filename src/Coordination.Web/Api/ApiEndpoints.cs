namespace Coordination.Web.Api;

internal static class ApiEndpoints
{
    /// <summary>Every JSON route under <c>/api</c>; signed-in callers only unless a group says otherwise.</summary>
    public static IEndpointRouteBuilder MapCoordinationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .DisableAntiforgery();

        api.MapAuthApi();
        api.MapMeApi();
        api.MapOrganizationsApi();
        api.MapInvitationsApi();
        api.MapPeopleApi();
        api.MapForumsApi();
        api.MapActionPointsApi();
        api.MapProgressApi();
        api.MapAuditApi();
        api.MapReviewCyclesApi();
        api.MapCalendarApi();
        api.MapOutboxApi();
        api.MapReportsApi();
        api.MapImportRunsApi();
        api.MapImportsApi();
        endpoints.MapCalendarFeed();
        return endpoints;
    }
}
