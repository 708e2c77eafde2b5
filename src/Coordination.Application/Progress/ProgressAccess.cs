using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <summary>
/// Who may see and who may report on an assignment's progress. Reading follows the forum (<see cref="ForumAccess"/>);
/// reporting is for the assigned organization's focal points and the secretariat. Someone who can read the forum but
/// not report learns why (403); anyone else does not learn the assignment exists (404).
/// </summary>
internal static class ProgressAccess
{
    public static async Task<AccessDecision> MayReportAsync(
        this ICoordinationDbContext db, ICurrentUser user, Guid assignmentId, CancellationToken cancellationToken)
    {
        var target = await db.Assignments.AsNoTracking()
            .Where(a => a.Id == assignmentId)
            .Join(db.ActionPoints, a => a.ActionPointId, p => p.Id, (a, p) => new { a.OrganizationId, p.ForumId })
            .SingleOrDefaultAsync(cancellationToken);
        if (target is null)
            return AccessDecision.Hide;
        if (user.MayActFor(target.OrganizationId))
            return AccessDecision.Allow;
        return await db.CanReadForumAsync(user, target.ForumId, cancellationToken) ? AccessDecision.Forbid : AccessDecision.Hide;
    }

    public static Task<bool> CanReadAssignmentAsync(
        this ICoordinationDbContext db, ICurrentUser user, Guid assignmentId, CancellationToken cancellationToken)
    {
        var readableForums = db.ReadableForumIds(user);
        return db.Assignments.AsNoTracking()
            .Where(a => a.Id == assignmentId)
            .Join(db.ActionPoints, a => a.ActionPointId, p => p.Id, (a, p) => p.ForumId)
            .AnyAsync(forumId => readableForums.Contains(forumId), cancellationToken);
    }

    /// <summary>The name the history shows for who submitted or reviewed an update.</summary>
    public static string NameForHistory(this ICurrentUser user) => user.DisplayName ?? user.Email ?? "";
}
