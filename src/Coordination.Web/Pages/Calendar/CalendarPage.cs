using Coordination.Application.Common.Security;

namespace Coordination.Web.Pages.Calendar;

/// <summary>
/// Whose calendar link the calendar pages show: the one asked for (the secretariat's choice), else the person's own
/// organization's. Who may see or regenerate it is the queries' decision (its focal points and the secretariat).
/// </summary>
internal static class CalendarPage
{
    public static Guid? OrganizationFor(ICurrentUser me, Guid? asked) => asked is { } id && id != Guid.Empty ? id : me.OrganizationId;

    /// <summary>The calendar page of <paramref name="organizationId"/>, without a query string for the person's own.</summary>
    public static string PathFor(ICurrentUser me, Guid organizationId) =>
        organizationId == me.OrganizationId ? "/calendar" : $"/calendar?organization={organizationId}";
}
