using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <summary>How much of an assignment's progress a reader sees.</summary>
internal enum ProgressVisibility
{
    /// <summary>Nothing: the reader may not read the forum, or the assignment does not exist (404).</summary>
    None,

    /// <summary>Its official state and accepted updates only (another organization's assignment in a confidential forum).</summary>
    OfficialOnly,

    /// <summary>Every update, awaiting validation, accepted or returned, with the secretariat's comments.</summary>
    All,
}

/// <summary>
/// Who may see and who may report on an assignment's progress. Reading follows the forum (<see cref="ForumAccess"/>),
/// narrowed in a confidential forum to the official state of organizations the reader does not act for. Reporting is
/// for the assigned organization's focal points and the secretariat. Someone who can read the forum but not report
/// learns why (403); anyone else does not learn the assignment exists (404).
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

    /// <summary>
    /// How much of an assignment's progress the reader sees: nothing (not readable: 404), everything, or only its official
    /// state (a confidential forum's assignment of an organization the reader does not act for).
    /// </summary>
    public static async Task<ProgressVisibility> ProgressVisibilityAsync(
        this ICoordinationDbContext db, ICurrentUser user, Guid assignmentId, CancellationToken cancellationToken)
    {
        var readableForums = db.ReadableForumIds(user);
        var target = await db.Assignments.AsNoTracking()
            .Where(a => a.Id == assignmentId)
            .Join(db.ActionPoints, a => a.ActionPointId, p => p.Id, (a, p) => new { a.OrganizationId, p.ForumId })
            .Join(db.Forums, x => x.ForumId, f => f.Id, (x, f) => new { x.OrganizationId, x.ForumId, f.Confidential })
            .Where(x => readableForums.Contains(x.ForumId))
            .SingleOrDefaultAsync(cancellationToken);
        if (target is null)
            return ProgressVisibility.None;
        return user.SeesOfficialOnly(target.Confidential, target.OrganizationId) ? ProgressVisibility.OfficialOnly : ProgressVisibility.All;
    }

    /// <summary>
    /// In a confidential forum, what awaits validation or was returned (and the secretariat's comment) stays between the
    /// assigned organization and the secretariat: anyone else sees the accepted state only.
    /// </summary>
    public static bool SeesOfficialOnly(this ICurrentUser user, bool confidentialForum, Guid organizationId) =>
        confidentialForum && !user.MayActFor(organizationId);

    /// <summary>
    /// An accepted update as a reader who sees official states only gets it: without the link to the returned update it
    /// revised, which that reader may not see.
    /// </summary>
    public static ProgressUpdateDto AsOfficial(this ProgressUpdateDto update) => update with { RevisionOfId = null };

    /// <summary>The name the history shows for who submitted or reviewed an update.</summary>
    public static string NameForHistory(this ICurrentUser user) => user.DisplayName ?? user.Email ?? "";
}
