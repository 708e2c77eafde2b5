using System.Globalization;
using Coordination.Application.Notifications;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ICalendar = Ical.Net.Calendar;

namespace Coordination.Application.Calendar;

/// <summary>
/// Writes an organization's deadlines as iCalendar (RFC 5545). Every event's UID is derived from the row it shows, so a
/// subscribed calendar application updates an event when a date moves instead of adding a second one. Days that are
/// days (an assignment's due date, a meeting) are all-day events (<c>VALUE=DATE</c>), the same date wherever the
/// reader is; a submission deadline ends at midnight in the forum's time zone, so it is a timed event in that zone
/// (with the zone's real rules in a VTIMEZONE) and each reader's application shows the cut-off in their own time.
/// </summary>
internal static class CalendarFeedWriter
{
    public const string UidDomain = "coordination";

    public sealed record ForumInfo(string Title, string TimeZone);

    public sealed record Deadline(Guid AssignmentId, string Code, string Title, DateOnly DueDate, ForumInfo Forum);

    public sealed record Cycle(Guid Id, string Name, DateOnly SubmissionDeadline, DateOnly? MeetingDate, ForumInfo Forum);

    public static string Write(string acronym, IReadOnlyList<Deadline> deadlines, IReadOnlyList<Cycle> cycles, IPublicBaseUrl baseUrl, DateTime now)
    {
        var calendar = new ICalendar { ProductId = "-//Coordination//Deadlines and review meetings//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"{acronym}: deadlines and review meetings");
        // Hints for applications that honour them: look for changes a few times a day.
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT6H");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT6H");
        var stamp = new CalDateTime(DateTime.SpecifyKind(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc));

        foreach (var deadline in deadlines.OrderBy(d => d.DueDate).ThenBy(d => d.Code, StringComparer.Ordinal))
        {
            var link = baseUrl.Link($"/assignments/{deadline.AssignmentId}");
            calendar.Events.Add(AllDay(
                $"assignment-{deadline.AssignmentId:N}@{UidDomain}", stamp, deadline.DueDate,
                $"{deadline.Code} due: {deadline.Title}",
                $"{deadline.Code} ({deadline.Forum.Title}) is due on {Day(deadline.DueDate)}.\nReport progress: {link}",
                new Uri(link)));
        }

        var zones = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var cycle in cycles.OrderBy(c => c.SubmissionDeadline).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            var zone = KnownZoneOrUtc(cycle.Forum.TimeZone);
            // Submissions close at the end of the deadline day in the forum's zone: the event is its last minute.
            var deadlineEvent = new CalendarEvent
            {
                Uid = $"review-cycle-{cycle.Id:N}-deadline@{UidDomain}",
                DtStamp = stamp,
                DtStart = new CalDateTime(cycle.SubmissionDeadline, new TimeOnly(23, 59), zone),
                DtEnd = new CalDateTime(cycle.SubmissionDeadline.AddDays(1), new TimeOnly(0, 0), zone),
                Summary = $"{cycle.Name}: progress reports due",
                Description = $"Review cycle of {cycle.Forum.Title}. Progress updates are due by the end of {Day(cycle.SubmissionDeadline)} ({zone} time).",
                Transparency = "TRANSPARENT",
            };
            calendar.Events.Add(deadlineEvent);
            if (zone != "UTC")
                zones[zone] = zones.TryGetValue(zone, out var earliest) && earliest < cycle.SubmissionDeadline ? earliest : cycle.SubmissionDeadline;

            if (cycle.MeetingDate is { } meeting)
            {
                calendar.Events.Add(AllDay(
                    $"review-cycle-{cycle.Id:N}-meeting@{UidDomain}", stamp, meeting,
                    $"{cycle.Name}: review meeting",
                    $"Review meeting of {cycle.Forum.Title} on {Day(meeting)}.",
                    url: null));
            }
        }

        foreach (var (zone, earliest) in zones.OrderBy(z => z.Key, StringComparer.Ordinal))
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, earliest.AddDays(-1).ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent AllDay(string uid, CalDateTime stamp, DateOnly day, string summary, string description, Uri? url) => new()
    {
        Uid = uid,
        DtStamp = stamp,
        DtStart = new CalDateTime(day),
        DtEnd = new CalDateTime(day.AddDays(1)),
        Summary = summary,
        Description = description,
        Url = url,
        // A day marker does not make anyone busy for the whole day.
        Transparency = "TRANSPARENT",
    };

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The IANA id the calendar library writes rules for. The schedule accepts what the system's time zones know, which
    /// on Windows may be a Windows id: it is translated; UTC only when neither is known (never for a validated schedule).
    /// </summary>
    private static string KnownZoneOrUtc(string zone)
    {
        if (zone == "UTC")
            return zone;
        if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
            return zone;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone, out var iana) && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana) is not null
            ? iana
            : "UTC";
    }
}
