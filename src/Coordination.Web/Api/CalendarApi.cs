using System.Text;
using Coordination.Application.Calendar;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

/// <summary>The organizations' calendar feeds (iCalendar) and their secret tokens.</summary>
internal static class CalendarApi
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Routes under <c>/api</c>: see and regenerate an organization's calendar link.</summary>
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/organizations/{id:guid}/calendar").WithTags("Calendar");

        calendar.MapGet("/", async Task<Ok<CalendarLinkDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCalendarLinkQuery(id), ct)))
            .WithSummary("The organization's calendar feed address, secret token included (its focal points and the secretariat).");

        calendar.MapPost("/regenerate", async Task<Ok<CalendarLinkDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RegenerateCalendarLinkCommand(id), ct)))
            .WithSummary("A new calendar feed address; the old one stops working at once (its focal points and the secretariat).");

        return api;
    }

    /// <summary><c>/calendar/{organizationId}.ics?token=</c>: anyone holding the token, no sign-in.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calendar/{organizationId:guid}.ics", async Task<ContentHttpResult> (
                Guid organizationId, string? token, ISender sender, CancellationToken ct) =>
            {
                var feed = await sender.Send(new GetCalendarFeedQuery(organizationId, token), ct);
                // One plain answer for an unknown organization and a wrong or missing token alike; with a body, so the
                // people-facing error page does not take over and calendar applications get a short text.
                return feed is null
                    ? TypedResults.Text("Not found.", "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound)
                    : TypedResults.Text(feed, ContentType, Encoding.UTF8);
            })
            .AllowAnonymous()
            .WithTags("Calendar")
            .WithSummary("An organization's deadlines, review-cycle deadlines and review meetings as iCalendar, for whoever holds its token.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status404NotFound);
        return endpoints;
    }
}
