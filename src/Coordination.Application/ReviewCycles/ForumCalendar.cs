using Coordination.Domain.Forums;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// A forum's days, for the review cycles and for the mails alike: opening days, deadlines and due dates are days in the
/// forum's time zone (its review schedule's, UTC without one), so "today" and "the end of the deadline day" are
/// counted there, not in UTC or in the server's zone.
/// </summary>
public static class ForumCalendar
{
    /// <summary>An unknown id (the schedule validates it, so only a zone since removed) falls back to UTC.</summary>
    public static TimeZoneInfo Zone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static TimeZoneInfo Zone(this Forum forum) => Zone(forum.TimeZone);

    /// <summary>The day it is now in <paramref name="zone"/>.</summary>
    public static DateOnly Today(this TimeProvider clock, TimeZoneInfo zone) => DayOf(clock.GetUtcNow().UtcDateTime, zone);

    /// <summary>The day it is now in the forum.</summary>
    public static DateOnly Today(this TimeProvider clock, Forum forum) => clock.Today(forum.Zone());

    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>
    /// The UTC instant <paramref name="day"/> ends in <paramref name="zone"/> (the next day's first moment): a report
    /// submitted before it was submitted "by" that day.
    /// </summary>
    public static DateTime EndOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day ends when the clocks show the first existing time after it.
        while (zone.IsInvalidTime(nextMidnight))
            nextMidnight = nextMidnight.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(nextMidnight, zone);
    }
}
