using Coordination.Application.ReviewCycles;
using Coordination.Domain.ReviewCycles;

namespace Coordination.Infrastructure.Demo;

/// <summary>
/// The demo forum's periodic reviews, placed around the history's own dates: a quarterly schedule counted in Santo
/// Domingo; last quarter's cycle, in which the reports of three months ago came on time and those of two months ago
/// just after the deadline, closed (with its snapshot) as the job closes one, after the days of grace; this quarter's
/// cycle, open, in which every organization has reported except the three in <see cref="NotReporting"/>; and the next
/// quarter's, scheduled. The cycles are the schedule's own (same days and names), so the job finds nothing to add.
/// </summary>
internal sealed class DemoReviews
{
    public const string TimeZone = "America/Santo_Domingo";
    public const int WindowDays = 42;
    public const int MeetingDaysAfterDeadline = 7;

    /// <summary>The job closes a cycle on the first day after its deadline's three days of grace.</summary>
    private const int ClosedDaysAfterDeadline = 4;

    /// <summary>Past midnight in Santo Domingo, as the hourly job would find it.</summary>
    private static readonly TimeSpan JobRunsAfterMidnight = TimeSpan.FromMinutes(30);

    public DemoReviews(Guid forumId, DateTime now)
    {
        var zone = ForumCalendar.Zone(TimeZone);
        // The history's reports of two months ago came the day after last quarter's deadline.
        var deadline = ForumCalendar.DayOf(now.AddMonths(-2), zone).AddDays(-1);
        Schedule = ReviewSchedule.Create(
            ReviewRecurrence.Quarterly, null, deadline.AddDays(-WindowDays), WindowDays, null, MeetingDaysAfterDeadline, TimeZone);

        LastQuarter = Cycle(forumId, Schedule.FirstOpensOn);
        ThisQuarter = Cycle(forumId, Schedule.FirstOpensOn.AddMonths(3));
        NextQuarter = Cycle(forumId, Schedule.FirstOpensOn.AddMonths(6));
        LastQuarterOpenedAt = StartOf(LastQuarter.OpensOn, zone);
        LastQuarterClosedAt = StartOf(LastQuarter.SubmissionDeadline.AddDays(ClosedDaysAfterDeadline), zone);
        ThisQuarterOpenedAt = StartOf(ThisQuarter.OpensOn, zone);
    }

    /// <summary>The organizations that have not reported in this quarter's cycle: Belize's two institutions and Honduras' migration institution.</summary>
    public static IReadOnlySet<string> NotReporting { get; } = new HashSet<string>(StringComparer.Ordinal) { "MIG-BLZ", "NSO-BLZ", "MIG-HND" };

    public ReviewSchedule Schedule { get; }

    public ReviewCycle LastQuarter { get; }

    public ReviewCycle ThisQuarter { get; }

    public ReviewCycle NextQuarter { get; }

    public DateTime LastQuarterOpenedAt { get; }

    public DateTime LastQuarterClosedAt { get; }

    public DateTime ThisQuarterOpenedAt { get; }

    /// <summary>The cycle open when an update was submitted, which it then answers (as the update form files it).</summary>
    public Guid? CycleAt(DateTime submittedAt) =>
        submittedAt >= ThisQuarterOpenedAt ? ThisQuarter.Id
        : submittedAt >= LastQuarterOpenedAt && submittedAt < LastQuarterClosedAt ? LastQuarter.Id
        : null;

    private ReviewCycle Cycle(Guid forumId, DateOnly opensOn)
    {
        var plan = ReviewSchedulePlan.Cycle(Schedule, opensOn);
        return ReviewCycle.Create(forumId, plan.Name, plan.OpensOn, plan.SubmissionDeadline, plan.MeetingDate, fromSchedule: true);
    }

    private static DateTime StartOf(DateOnly day, TimeZoneInfo zone) => ForumCalendar.EndOfDayUtc(day.AddDays(-1), zone) + JobRunsAfterMidnight;
}
