using System.Text.Json;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.Auditing;

namespace Coordination.Application.People;

/// <summary>
/// Accounts are Identity's rows, not domain entities, so the auditing interceptor does not see them: the use cases that
/// change an account write their entry here, in the same transaction, under the entity type <c>Person</c>.
/// </summary>
internal static class PersonAudit
{
    public const string EntityType = "Person";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><paramref name="before"/> and <paramref name="after"/> hold the changed properties only; never secrets.</summary>
    public static void Record(
        ICoordinationDbContext db, TimeProvider clock, Guid? actorId, string? actorEmail, string action, Guid personId, object? before, object? after) =>
        db.AuditEntries.Add(AuditEntry.Record(
            clock.UtcNow(), actorId, actorEmail, action, EntityType, personId, "Updated",
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json)));
}
