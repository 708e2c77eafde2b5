namespace Coordination.Web.Api;

/// <summary>Review schedules and review cycles: create, open, close, compliance.</summary>
internal static class ReviewCyclesApi
{
    public static RouteGroupBuilder MapReviewCyclesApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
