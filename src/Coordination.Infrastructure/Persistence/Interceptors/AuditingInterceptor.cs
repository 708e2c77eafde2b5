using System.Text.Json;
using Coordination.Application.Common.Security;
using Coordination.Domain.Auditing;
using Coordination.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Coordination.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Turns every change to a domain entity into an audit entry (who, which use case, before and after values)
/// saved in the same SaveChanges, so no change is ever written without its trace.
/// </summary>
internal sealed class AuditingInterceptor(ICurrentUser user, AuditContext auditContext, TimeProvider clock)
    : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries<Entity>()
            .Where(e => e.Entity is not INotAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, now))
            .OfType<AuditEntry>()
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }

    /// <summary>The version is mechanics; an invitation's token hash is a secret nobody needs to read.</summary>
    private static readonly HashSet<string> NotRecorded = [nameof(IVersioned.Version), "TokenHash"];

    /// <summary>Secrets whose change matters: the entry says they changed, never what they are.</summary>
    private static readonly HashSet<string> Secret = ["CalendarToken"];

    private AuditEntry? Describe(EntityEntry<Entity> entry, DateTime now)
    {
        var properties = entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !NotRecorded.Contains(p.Metadata.Name))
            .ToList();
        var (change, before, after) = entry.State switch
        {
            EntityState.Added => ("Created", null, Values(properties, p => p.CurrentValue)),
            EntityState.Deleted => ("Deleted", Values(properties, p => p.OriginalValue), null),
            _ => Modified(properties),
        };
        if (change is null)
            return null;

        return AuditEntry.Record(
            now, user.UserId, user.Email, auditContext.Action, entry.Metadata.ClrType.Name, entry.Entity.Id, change, before, after);
    }

    private static (string?, string?, string?) Modified(List<PropertyEntry> properties)
    {
        var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
        return changed.Count == 0
            ? (null, null, null)
            : ("Updated", Values(changed, p => p.OriginalValue), Values(changed, p => p.CurrentValue));
    }

    private static string Values(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(properties.ToDictionary(
            p => JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name),
            p => Secret.Contains(p.Metadata.Name) ? "(secret)" : value(p) is Enum e ? e.ToString() : value(p)));
}
