namespace Coordination.Web.Api;

/// <summary>Forums and their conclusions.</summary>
internal static class ForumsApi
{
    public static RouteGroupBuilder MapForumsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
