using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;

namespace Coordination.Application.Notifications;

/// <summary>Who has not reported in a review cycle, as the reminders and the digest count it.</summary>
internal static class CycleReporting
{
    /// <summary>
    /// The assignments of the cycle's forum that are expected to report (neither completed nor cancelled) and have no
    /// update in the cycle: as the compliance figures count it, an update belongs to a cycle by its <c>ReviewCycleId</c>
    /// (which reporting fills in while the cycle is open), and any update counts, a returned one too.
    /// </summary>
    public static IQueryable<AssignmentCurrentStatus> MissingReports(this ICoordinationDbContext db, ReviewCycle cycle)
    {
        var cycleId = cycle.Id;
        var forumId = cycle.ForumId;
        return db.AssignmentStatuses.Where(s =>
            s.ForumId == forumId
            && s.Status != AssignmentStatus.Completed && s.Status != AssignmentStatus.Cancelled
            && !db.ProgressUpdates.Any(u => u.AssignmentId == s.AssignmentId && u.ReviewCycleId == cycleId));
    }
}
