using Coordination.Application.ReviewCycles;
using Coordination.Domain.ReviewCycles;

namespace Coordination.Web.Tests.ReviewCycles;

/// <summary>The opening days a schedule lays out, and which cycles should exist on a given day (no app needed).</summary>
public sealed class ReviewSchedulePlanTests
{
    private static ReviewSchedule Schedule(ReviewRecurrence recurrence, DateOnly first, int window = 30, string? cron = null) =>
        ReviewSchedule.Create(recurrence, cron, first, window, [1], null, "America/Santo_Domingo");

    [Fact]
    public void OpeningDays_QuarterlyFromAMonthEnd_KeepToTheMonthEnds()
    {
        var schedule = Schedule(ReviewRecurrence.Quarterly, new DateOnly(2026, 1, 31));

        ReviewSchedulePlan.OpeningDays(schedule, new DateOnly(2026, 1, 1)).Take(4).ShouldBe(
            [new DateOnly(2026, 1, 31), new DateOnly(2026, 4, 30), new DateOnly(2026, 7, 31), new DateOnly(2026, 10, 31)]);
    }

    [Fact]
    public void OpeningDays_FromLongAfterTheFirst_StartOnTheNextOpeningDay()
    {
        var schedule = Schedule(ReviewRecurrence.HalfYearly, new DateOnly(2020, 3, 15));

        ReviewSchedulePlan.OpeningDays(schedule, new DateOnly(2026, 3, 16)).Take(2).ShouldBe([new DateOnly(2026, 9, 15), new DateOnly(2027, 3, 15)]);
        ReviewSchedulePlan.OpeningDays(schedule, new DateOnly(2026, 3, 15)).First().ShouldBe(new DateOnly(2026, 3, 15));
    }

    [Fact]
    public void OpeningDays_OfACronExpression_AreItsDaysOncePerDay()
    {
        var schedule = Schedule(ReviewRecurrence.Cron, new DateOnly(2026, 1, 1), cron: "0 9,17 1 1,4,7,10 *");

        ReviewSchedulePlan.OpeningDays(schedule, new DateOnly(2026, 2, 1)).Take(3).ShouldBe(
            [new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1)]);
    }

    [Theory]
    [InlineData("2026-06-20", new[] { "2026-07-01" })]
    [InlineData("2026-07-01", new[] { "2026-07-01", "2026-10-01" })]
    [InlineData("2026-07-31", new[] { "2026-07-01", "2026-10-01" })]
    [InlineData("2026-08-01", new[] { "2026-10-01" })]
    public void Due_IsTheCycleUnderWayUntilItsDeadline_AndTheNextOne(string today, string[] opening)
    {
        var schedule = Schedule(ReviewRecurrence.Quarterly, new DateOnly(2026, 7, 1));

        var due = ReviewSchedulePlan.Due(schedule, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        due.Select(c => c.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(opening);
        due.ShouldAllBe(c => c.SubmissionDeadline == c.OpensOn.AddDays(30) && c.Name == c.OpensOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) + " review");
    }

    [Theory]
    [InlineData("0 0 1 1,4,7,10 *", true)]
    [InlineData("@monthly", true)]
    [InlineData("0 0 30 2 *", false)]
    [InlineData("not a cron", false)]
    [InlineData("0 0 1 1 * *", false)]
    public void CronOpensCycles_OnlyForAnExpressionWithDays(string expression, bool valid) =>
        ReviewSchedulePlan.CronOpensCycles(expression, new DateOnly(2026, 1, 1)).ShouldBe(valid);
}
