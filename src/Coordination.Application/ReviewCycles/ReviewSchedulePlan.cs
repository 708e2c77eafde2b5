using System.Globalization;
using Cronos;
using Coordination.Domain.ReviewCycles;

namespace Coordination.Application.ReviewCycles;

/// <summary>A cycle as the schedule lays it out, before it exists.</summary>
public sealed record PlannedCycle(string Name, DateOnly OpensOn, DateOnly SubmissionDeadline, DateOnly? MeetingDate);

/// <summary>
/// Which days a schedule opens cycles on, and which cycles should exist by a given day. Pure, so the job, the schedule
/// endpoint and the tests agree.
/// </summary>
public static class ReviewSchedulePlan
{
    /// <summary>How far ahead a cron expression is searched for its next opening day.</summary>
    private const int CronHorizonYears = 5;

    /// <summary>A standard five-field cron expression (or a macro such as <c>@monthly</c>); null when it does not parse.</summary>
    public static CronExpression? ParseCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return null;
        try
        {
            return CronExpression.Parse(expression.Trim(), CronFormat.Standard);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    /// <summary>Whether the expression parses and opens at least one cycle within five years of <paramref name="from"/>.</summary>
    public static bool CronOpensCycles(string? expression, DateOnly from) =>
        ParseCron(expression) is { } cron && NextCronDay(cron, from) is { } day && day <= from.AddYears(CronHorizonYears);

    /// <summary>The schedule's opening days on or after <paramref name="from"/> (and never before its first one), in order.</summary>
    public static IEnumerable<DateOnly> OpeningDays(ReviewSchedule schedule, DateOnly from)
    {
        var first = schedule.FirstOpensOn;
        if (schedule.Recurrence == ReviewRecurrence.Cron)
        {
            var cron = ParseCron(schedule.CronExpression);
            if (cron is null)
                yield break;
            var cursor = from > first ? from : first;
            var limit = cursor.AddYears(CronHorizonYears);
            while (NextCronDay(cron, cursor) is { } day && day <= limit)
            {
                yield return day;
                cursor = day.AddDays(1);
                limit = cursor.AddYears(CronHorizonYears);
            }

            yield break;
        }

        var step = schedule.Recurrence switch
        {
            ReviewRecurrence.Monthly => 1,
            ReviewRecurrence.Quarterly => 3,
            _ => 6,
        };
        // Counted from the first day each time (not added up), so a schedule starting on the 31st keeps to month ends.
        var monthsSinceFirst = ((from.Year - first.Year) * 12) + from.Month - first.Month;
        for (var n = Math.Max(0, (monthsSinceFirst / step) - 1); ; n++)
        {
            var day = first.AddMonths(n * step);
            if (day >= from)
                yield return day;
        }
    }

    public static PlannedCycle Cycle(ReviewSchedule schedule, DateOnly opensOn)
    {
        var deadline = opensOn.AddDays(schedule.WindowDays);
        var meeting = schedule.MeetingDaysAfterDeadline is { } after ? deadline.AddDays(after) : (DateOnly?)null;
        return new PlannedCycle(Name(schedule.Recurrence, opensOn), opensOn, deadline, meeting);
    }

    /// <summary>
    /// The cycles that should exist by <paramref name="today"/>: the latest one whose day has come and whose deadline
    /// has not passed (when there is one), and the next one to open. Older cycles are never made up after the fact.
    /// </summary>
    public static IReadOnlyList<PlannedCycle> Due(ReviewSchedule schedule, DateOnly today)
    {
        DateOnly? current = null;
        DateOnly? next = null;
        foreach (var day in OpeningDays(schedule, today.AddDays(-schedule.WindowDays)))
        {
            if (day > today)
            {
                next = day;
                break;
            }

            current = day;
        }

        return new[] { current, next }.OfType<DateOnly>().Select(day => Cycle(schedule, day)).ToList();
    }

    /// <summary>The next <paramref name="count"/> cycles opening after <paramref name="today"/>.</summary>
    public static IReadOnlyList<PlannedCycle> Upcoming(ReviewSchedule schedule, DateOnly today, int count) =>
        OpeningDays(schedule, today.AddDays(1)).Take(count).Select(day => Cycle(schedule, day)).ToList();

    /// <summary>Language-neutral, as it is shown to everyone whatever their language: "2026-07 review".</summary>
    public static string Name(ReviewRecurrence recurrence, DateOnly opensOn) =>
        recurrence == ReviewRecurrence.Cron
            ? opensOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " review"
            : opensOn.ToString("yyyy-MM", CultureInfo.InvariantCulture) + " review";

    // Only the day matters: searching from midnight UTC and keeping the occurrence's date reads the expression's
    // day fields as calendar days, the same in every time zone and untouched by clock changes.
    private static DateOnly? NextCronDay(CronExpression cron, DateOnly from) =>
        cron.GetNextOccurrence(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), TimeZoneInfo.Utc, inclusive: true) is { } next
            ? DateOnly.FromDateTime(next)
            : null;
}
