using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.Progress;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.Forums;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports;

/// <summary>The forum a report is about, as the caller may see it.</summary>
/// <param name="PublicView">
/// The caller reads the report only because it is published (not signed in, or signed in without access to the
/// forum): such a caller sees the published figures and nothing of the forum beyond them.
/// </param>
/// <param name="Confidential">The forum keeps each organization's unaccepted updates between it and the secretariat.</param>
public sealed record ReportForum(
    Guid Id, string Title, bool RequiresValidation, bool ReportPublished, bool PublicView, bool Confidential, TimeZoneInfo Zone)
{
    /// <summary>The forum's day now: the day the overdue and at-risk flags are decided on, shown as the report's "as of".</summary>
    public DateOnly Today(TimeProvider clock) => clock.Today(Zone);

    /// <summary>
    /// Whether <paramref name="reader"/> learns that <paramref name="organizationId"/> has an update awaiting validation
    /// or returned (a mark, or a report counted before it is accepted): never in a report read only because it is
    /// published; in a confidential forum only the organization's own focal points and the secretariat
    /// (<see cref="ProgressAccess.SeesOfficialOnly"/>, as on the assignment pages).
    /// </summary>
    internal bool ShowsUnacceptedOf(ICurrentUser reader, Guid organizationId) =>
        !PublicView && !reader.SeesOfficialOnly(Confidential, organizationId);
}

/// <summary>
/// Who may read a forum's report, in every format: anyone when the secretariat published it; otherwise the signed-in
/// people who may read the forum (<see cref="ForumAccess"/>). Everyone else gets 404, exactly as for a forum that
/// does not exist.
/// <para>
/// A report never holds an internal field. Internal means: the narratives, obstacles, support needed, evidence links
/// and indicator values of progress updates, the secretariat's review comments, and people (names and e-mails of who
/// reported or reviewed). A report shows official statuses and percents only — the accepted ones where the forum
/// requires validation, every one counting at once where it does not (the domain accepts those on submission) — plus
/// the names of forums, conclusions' themes and tags, action points and organizations.
/// </para>
/// <para>
/// The one thing that depends on the reader is whether an update awaits validation or was returned (the pages' marks,
/// an open cycle's compliance so far): see <see cref="ReportForum.ShowsUnacceptedOf"/>.
/// </para>
/// </summary>
public static class ReportAccess
{
    public static async Task<ReportForum> ReadableReportForumAsync(
        this ICoordinationDbContext db, ICurrentUser user, Guid forumId, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == forumId, cancellationToken);
        var reader = forum is not null && user.IsAuthenticated && await db.CanReadForumAsync(user, forumId, cancellationToken);
        if (forum is null || (!reader && !forum.ReportPublished))
            throw new NotFoundException(nameof(Forum), forumId);
        return new ReportForum(forum.Id, forum.Title, forum.RequiresValidation, forum.ReportPublished, PublicView: !reader, forum.Confidential, forum.Zone());
    }
}
