namespace Coordination.Web.Api;

/// <summary>The audit log: who changed what, when.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
