namespace Coordination.Web.Api;

/// <summary>Action points, and assigning them to organizations.</summary>
internal static class ActionPointsApi
{
    public static RouteGroupBuilder MapActionPointsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
