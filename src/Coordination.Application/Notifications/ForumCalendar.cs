using Coordination.Application.Common;

namespace Coordination.Application.Notifications;

/// <summary>Days as the forum counts them: a deadline is a day in the forum's time zone, not in UTC.</summary>
internal static class ForumCalendar
{
    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.UtcNow(), Zone(timeZone)));

    /// <summary>An unknown id (the schedule validates it, so only a zone since removed) falls back to UTC.</summary>
    private static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
