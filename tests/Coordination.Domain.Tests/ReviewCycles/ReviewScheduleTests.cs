using Coordination.Domain.Common;
using Coordination.Domain.Forums;
using Coordination.Domain.ReviewCycles;

namespace Coordination.Domain.Tests.ReviewCycles;

public sealed class ReviewScheduleTests
{
    private static readonly DateOnly First = new(2026, 7, 1);

    [Fact]
    public void Create_WithoutOffsets_RemindsAt14And7And1DaysBeforeTheDeadline()
    {
        var schedule = ReviewSchedule.Create(ReviewRecurrence.Quarterly, "0 0 1 * *", First, 30, null, 5, "America/Santo_Domingo");

        schedule.ReminderOffsets.ShouldBe([14, 7, 1]);
        schedule.CronExpression.ShouldBeNull("only a cron recurrence keeps its expression");
        schedule.TimeZone.ShouldBe("America/Santo_Domingo");
    }

    [Fact]
    public void Create_WithOffsets_KeepsThemOnceLatestFirst()
    {
        var schedule = ReviewSchedule.Create(ReviewRecurrence.Monthly, null, First, 20, [1, 10, 1, 5], null, "UTC");

        schedule.ReminderOffsets.ShouldBe([10, 5, 1]);
    }

    [Theory]
    [InlineData(ReviewRecurrence.Cron, null, 30, "UTC", "A cron recurrence needs its cron expression.")]
    [InlineData(ReviewRecurrence.Monthly, null, 0, "UTC", "The submission window is between 1 and 180 days.")]
    [InlineData(ReviewRecurrence.Monthly, null, 181, "UTC", "The submission window is between 1 and 180 days.")]
    [InlineData(ReviewRecurrence.Monthly, null, 30, "Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a known time zone (use an IANA id such as America/Santo_Domingo).")]
    public void Create_WithBrokenRule_IsRefused(ReviewRecurrence recurrence, string? cron, int window, string zone, string message) =>
        Should.Throw<DomainException>(() => ReviewSchedule.Create(recurrence, cron, First, window, null, null, zone)).Message.ShouldBe(message);

    [Fact]
    public void Create_WithAnOffsetOutsideTheWindow_IsRefused() =>
        Should.Throw<DomainException>(() => ReviewSchedule.Create(ReviewRecurrence.Monthly, null, First, 10, [14, 7], null, "UTC"));

    [Fact]
    public void Forum_TimeZone_IsTheSchedulesOrUtc()
    {
        var forum = Forum.Create("Forum", "Santo Domingo", First, First, null, true, []);
        forum.TimeZone.ShouldBe("UTC");

        forum.SetReviewSchedule(ReviewSchedule.Create(ReviewRecurrence.Quarterly, null, First, 30, null, null, "America/Santo_Domingo"));

        forum.TimeZone.ShouldBe("America/Santo_Domingo");
    }
}
