namespace Coordination.Application.Common;

public static class TimeProviderExtensions
{
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Today's date in UTC as a day number. Not the day an assignment's flags are decided on: that is its forum's
    /// (Assignments/ForumDays.cs, ReviewCycles/ForumCalendar.cs).
    /// </summary>
    public static int TodayDayNumber(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber;
}
