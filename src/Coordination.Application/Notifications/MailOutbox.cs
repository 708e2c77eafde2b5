using System.Runtime.CompilerServices;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Notifications;

/// <summary>
/// Writing mails into the outbox once. A mail's deduplication key names its cause (the reminder of one offset of one
/// cycle to one person, …): the writers look the keys up first and skip those already written, and the unique index
/// on the key refuses the rare race of two servers writing the same one (that run fails and the next one skips it).
/// </summary>
internal static class MailOutbox
{
    /// <summary>Keys looked up per query: well under every provider's limit on parameters.</summary>
    private const int KeysPerQuery = 500;

    /// <summary>
    /// The mails each unit of work added through <see cref="AddMail"/>, by key. Looking them up here replaces a scan of
    /// the outbox's local view, which walks (and detects changes on) every tracked entity: once per mail, an import's
    /// thousands of tracked rows made that quadratic. Weak, so a disposed unit of work's list goes with it.
    /// </summary>
    private static readonly ConditionalWeakTable<ICoordinationDbContext, Dictionary<string, OutboxMessage>> Added = [];

    /// <summary>Which of <paramref name="keys"/> are in the outbox already, saved or added in this unit of work.</summary>
    public static async Task<HashSet<string>> ExistingKeysAsync(
        this ICoordinationDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(KeysPerQuery))
        {
            existing.UnionWith(await db.OutboxMessages.AsNoTracking()
                .Where(m => chunk.Contains(m.DeduplicationKey))
                .Select(m => m.DeduplicationKey)
                .ToListAsync(cancellationToken));
        }

        if (Added.TryGetValue(db, out var added))
            existing.UnionWith(wanted.Where(key => added.TryGetValue(key, out var message) && IsTracked(db, message)));
        return existing;
    }

    public static void AddMail(
        this ICoordinationDbContext db, string kind, string key, MailRecipient to, MailContent content, DateTime now)
    {
        var message = OutboxMessage.Create(
            kind, key, to.Email, to.DisplayName, to.Language, content.Subject, content.HtmlBody, content.TextBody, now);
        db.OutboxMessages.Add(message);
        Added.GetOrCreateValue(db)[key] = message;
    }

    /// <summary>
    /// Still part of the unit of work: a mail detached unsaved (its change given up) no longer counts, one detached
    /// after its save is found by the query. Looks at that one entry only.
    /// </summary>
    private static bool IsTracked(ICoordinationDbContext db, OutboxMessage message) =>
        db is not DbContext context || context.Entry(message).State != EntityState.Detached;

    /// <summary>Adds the mail unless its key was written before; true when added.</summary>
    public static async Task<bool> AddMailOnceAsync(
        this ICoordinationDbContext db, string kind, string key, MailRecipient to, MailContent content, DateTime now,
        CancellationToken cancellationToken)
    {
        if ((await db.ExistingKeysAsync([key], cancellationToken)).Count > 0)
            return false;
        db.AddMail(kind, key, to, content, now);
        return true;
    }
}

/// <summary>The pages the mails link to.</summary>
internal static class MailLinks
{
    /// <summary>The home page: a focal point's assignments, with what is due.</summary>
    public static string Home(this IPublicBaseUrl baseUrl) => baseUrl.Link("/");

    /// <summary>The update form of an assignment: where a focal point reports progress.</summary>
    public static string Report(this IPublicBaseUrl baseUrl, Guid assignmentId) => baseUrl.Link($"/assignments/{assignmentId}/report");

    /// <summary>The update form, opened on the returned update to revise.</summary>
    public static string Revise(this IPublicBaseUrl baseUrl, Guid assignmentId, Guid returnedUpdateId) =>
        baseUrl.Link($"/assignments/{assignmentId}/report?revisionOf={returnedUpdateId}");

    /// <summary>The secretariat's queue of updates awaiting validation.</summary>
    public static string Validation(this IPublicBaseUrl baseUrl) => baseUrl.Link("/validation");
}
