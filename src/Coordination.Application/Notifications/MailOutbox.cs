using Coordination.Application.Common.Abstractions;
using Coordination.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Notifications;

/// <summary>
/// Writing mails into the outbox once, for the unit of work of this scope. A mail's deduplication key names its cause
/// (the reminder of one offset of one cycle to one person, …): the writers look the keys up first and skip those already
/// written, and the unique index on the key refuses the rare race of two servers writing the same one (that run fails
/// and the next one skips it). Scoped like the context it writes through.
/// </summary>
public sealed class MailOutbox(ICoordinationDbContext db)
{
    /// <summary>Keys looked up per query: well under every provider's limit on parameters.</summary>
    private const int KeysPerQuery = 500;

    /// <summary>
    /// The mails added in this scope, by key. Looking them up here replaces a scan of the outbox's local view, which
    /// walks (and detects changes on) every tracked entity: once per mail, an import's thousands of tracked rows made
    /// that quadratic.
    /// </summary>
    private readonly Dictionary<string, OutboxMessage> added = new(StringComparer.Ordinal);

    /// <summary>Which of <paramref name="keys"/> are in the outbox already, saved or added in this unit of work.</summary>
    public async Task<HashSet<string>> ExistingKeysAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
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

        existing.UnionWith(wanted.Where(key => added.TryGetValue(key, out var message) && IsTracked(message)));
        return existing;
    }

    public void Add(string kind, string key, MailRecipient to, MailContent content, DateTime now)
    {
        var message = OutboxMessage.Create(
            kind, key, to.Email, to.DisplayName, to.Language, content.Subject, content.HtmlBody, content.TextBody, now);
        db.OutboxMessages.Add(message);
        added[key] = message;
    }

    /// <summary>Adds the mail unless its key was written before; true when added.</summary>
    public async Task<bool> AddOnceAsync(
        string kind, string key, MailRecipient to, MailContent content, DateTime now, CancellationToken cancellationToken)
    {
        if ((await ExistingKeysAsync([key], cancellationToken)).Count > 0)
            return false;
        Add(kind, key, to, content, now);
        return true;
    }

    /// <summary>
    /// Still part of the unit of work: a mail detached unsaved (its change given up) no longer counts, one detached
    /// after its save is found by the query. Looks at that one entry only.
    /// </summary>
    private bool IsTracked(OutboxMessage message) =>
        db is not DbContext context || context.Entry(message).State != EntityState.Detached;
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
