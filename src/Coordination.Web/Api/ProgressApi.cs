namespace Coordination.Web.Api;

/// <summary>Progress updates: report, history, accept, return.</summary>
internal static class ProgressApi
{
    public static RouteGroupBuilder MapProgressApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
