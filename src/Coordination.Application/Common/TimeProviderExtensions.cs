namespace Coordination.Application.Common;

public static class TimeProviderExtensions
{
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today's date (UTC) as a day number, the unit the overdue and at-risk flags compare.</summary>
    public static int TodayDayNumber(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber;
}
