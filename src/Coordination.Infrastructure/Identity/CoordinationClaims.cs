namespace Coordination.Infrastructure.Identity;

/// <summary>Claims added to every sign-in (cookie or bearer token) so a request knows its organization without a query.</summary>
public static class CoordinationClaims
{
    public const string OrganizationId = "coordination:organization";
    public const string DisplayName = "coordination:display_name";
    public const string PreferredLanguage = "coordination:language";
}
