namespace Coordination.Web.Api;

/// <summary>The organizations' calendar feeds (iCalendar) and their secret tokens.</summary>
internal static class CalendarApi
{
    /// <summary>Routes under <c>/api</c>: see and regenerate an organization's calendar link.</summary>
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        return api;
    }

    /// <summary><c>/calendar/{organizationId}.ics?token=</c>: anyone holding the token, no sign-in.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
