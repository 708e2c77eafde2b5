using Coordination.Application.Common.Abstractions;
using Coordination.Domain.Forums;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Common.Security;

/// <summary>
/// Who may read a forum and everything in it: the secretariat and viewers read every forum; a focal point reads the
/// forums their organization takes part in. Others do not learn that a forum exists (404).
/// </summary>
public static class ForumAccess
{
    public static bool ReadsEveryForum(this ICurrentUser user) =>
        user.IsSecretariat() || user.IsInRole(Roles.Viewer);

    public static IQueryable<Forum> ReadableForums(this ICoordinationDbContext db, ICurrentUser user)
    {
        var forums = db.Forums.AsNoTracking();
        if (user.ReadsEveryForum())
            return forums;
        var organizationId = user.OrganizationId ?? Guid.Empty;
        return forums.Where(f => f.Participants.Any(p => p.OrganizationId == organizationId));
    }

    public static IQueryable<Guid> ReadableForumIds(this ICoordinationDbContext db, ICurrentUser user) =>
        db.ReadableForums(user).Select(f => f.Id);

    public static Task<bool> CanReadForumAsync(this ICoordinationDbContext db, ICurrentUser user, Guid forumId, CancellationToken cancellationToken) =>
        db.ReadableForums(user).AnyAsync(f => f.Id == forumId, cancellationToken);
}
