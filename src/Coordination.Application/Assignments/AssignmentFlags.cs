using System.Linq.Expressions;
using Coordination.Domain.ActionPoints;

namespace Coordination.Application.Assignments;

/// <summary>
/// The derived flags, defined once: as expressions for filtering in the database, and as a function for rows already
/// read. <c>today</c> is a day number in the forum's calendar.
/// </summary>
public static class AssignmentFlags
{
    public const int AtRiskWindowDays = 30;

    public static Expression<Func<AssignmentCurrentStatus, bool>> Overdue(int today) =>
        s => s.DueDay < today && s.Status != AssignmentStatus.Completed && s.Status != AssignmentStatus.Cancelled;

    /// <summary>Due within 30 days and the percent behind the share of the time elapsed since the start.</summary>
    public static Expression<Func<AssignmentCurrentStatus, bool>> AtRisk(int today) =>
        s => s.DueDay >= today && s.DueDay - today <= AtRiskWindowDays
            && s.Status != AssignmentStatus.Completed && s.Status != AssignmentStatus.Cancelled
            && s.PercentComplete * (s.DueDay - s.StartDay) < 100 * (today - s.StartDay);

    public static bool IsOverdue(AssignmentStatus status, int dueDay, int today) =>
        dueDay < today && status is not (AssignmentStatus.Completed or AssignmentStatus.Cancelled);

    public static bool IsAtRisk(AssignmentStatus status, int percent, int startDay, int dueDay, int today) =>
        dueDay >= today && dueDay - today <= AtRiskWindowDays
        && status is not (AssignmentStatus.Completed or AssignmentStatus.Cancelled)
        && percent * (dueDay - startDay) < 100 * (today - startDay);
}
