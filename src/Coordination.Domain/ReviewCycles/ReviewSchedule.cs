using Coordination.Domain.Common;

namespace Coordination.Domain.ReviewCycles;

/// <summary>
/// How a forum's periodic reviews recur: from the first opening day, every month, quarter, half-year or as a cron
/// expression says; each cycle stays open for the submission window, with reminders some days before its deadline
/// and an optional review meeting after it, all in the forum's time zone.
/// </summary>
public sealed record ReviewSchedule
{
    public const int MaxWindowDays = 180;
    public static readonly IReadOnlyList<int> DefaultReminderOffsets = [14, 7, 1];

    private ReviewSchedule()
    {
        TimeZone = "UTC";
    }

    public ReviewRecurrence Recurrence { get; private init; }

    public string? CronExpression { get; private init; }

    public DateOnly FirstOpensOn { get; private init; }

    /// <summary>Days from a cycle's opening to its submission deadline.</summary>
    public int WindowDays { get; private init; }

    /// <summary>Days before the deadline on which those who have not reported are reminded.</summary>
    public List<int> ReminderOffsets { get; private init; } = [];

    /// <summary>Days after the deadline when the review meeting takes place, if there is one.</summary>
    public int? MeetingDaysAfterDeadline { get; private init; }

    /// <summary>IANA time zone id, e.g. <c>America/Santo_Domingo</c>: days and deadlines are the forum's days.</summary>
    public string TimeZone { get; private init; }

    public static ReviewSchedule Create(
        ReviewRecurrence recurrence, string? cronExpression, DateOnly firstOpensOn, int windowDays,
        IEnumerable<int>? reminderOffsets, int? meetingDaysAfterDeadline, string timeZone)
    {
        if (!Enum.IsDefined(recurrence))
            throw new DomainException("The recurrence must be monthly, quarterly, half-yearly or a cron expression.");
        var cron = Guard.Optional(cronExpression, "The cron expression", 100);
        if (recurrence == ReviewRecurrence.Cron && cron is null)
            throw new DomainException("A cron recurrence needs its cron expression.");
        if (windowDays is < 1 or > MaxWindowDays)
            throw new DomainException("The submission window is between 1 and {0} days.", MaxWindowDays);
        var offsets = (reminderOffsets ?? DefaultReminderOffsets).Distinct().OrderDescending().ToList();
        if (offsets.Any(o => o < 0 || o >= windowDays))
            throw new DomainException("Reminders are sent between the opening and the deadline: each offset must be from 0 to the window's length.");
        if (meetingDaysAfterDeadline is < 0 or > 365)
            throw new DomainException("The review meeting is within a year after the deadline.");
        if (!IsKnownTimeZone(timeZone))
            throw new DomainException("'{0}' is not a known time zone (use an IANA id such as America/Santo_Domingo).", timeZone);

        return new ReviewSchedule
        {
            Recurrence = recurrence,
            CronExpression = recurrence == ReviewRecurrence.Cron ? cron : null,
            FirstOpensOn = firstOpensOn,
            WindowDays = windowDays,
            ReminderOffsets = offsets,
            MeetingDaysAfterDeadline = meetingDaysAfterDeadline,
            TimeZone = timeZone,
        };
    }

    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
