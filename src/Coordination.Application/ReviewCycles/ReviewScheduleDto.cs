using Coordination.Domain.ReviewCycles;

namespace Coordination.Application.ReviewCycles;

/// <summary>A forum's review schedule, with the next cycles it will open (in the forum's time zone).</summary>
public sealed record ReviewScheduleDto(
    Guid ForumId,
    ReviewRecurrence Recurrence,
    string? CronExpression,
    DateOnly FirstOpensOn,
    int WindowDays,
    IReadOnlyList<int> ReminderOffsets,
    int? MeetingDaysAfterDeadline,
    string TimeZone,
    IReadOnlyList<PlannedCycle> Upcoming,
    string ForumVersion)
{
    public const int UpcomingCount = 3;

    public static ReviewScheduleDto From(Guid forumId, ReviewSchedule schedule, DateOnly today, long forumVersion) =>
        new(
            forumId, schedule.Recurrence, schedule.CronExpression, schedule.FirstOpensOn, schedule.WindowDays,
            [.. schedule.ReminderOffsets], schedule.MeetingDaysAfterDeadline, schedule.TimeZone,
            ReviewSchedulePlan.Upcoming(schedule, today, UpcomingCount),
            forumVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
