namespace Coordination.Web.Api;

/// <summary>Invitations: invite a person to an organization, and accept an invitation.</summary>
internal static class InvitationsApi
{
    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
