namespace Coordination.Domain.Auditing;

/// <summary>
/// Who changed what, when, with the values before and after. Written in the same transaction as the change,
/// never updated afterwards.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry(
        Guid id, DateTime occurredAt, Guid? userId, string? userEmail, string action,
        string entityType, Guid entityId, string change, string? before, string? after)
    {
        Id = id;
        OccurredAt = occurredAt;
        UserId = userId;
        UserEmail = userEmail;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Change = change;
        Before = before;
        After = after;
    }

    public Guid Id { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime OccurredAt { get; private set; }

    public Guid? UserId { get; private set; }

    public string? UserEmail { get; private set; }

    /// <summary>The use case that made the change, e.g. <c>AssignActionPoint</c>.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    /// <summary><c>Created</c>, <c>Updated</c> or <c>Deleted</c>.</summary>
    public string Change { get; private set; }

    /// <summary>JSON object of the changed properties' old values; null when created.</summary>
    public string? Before { get; private set; }

    /// <summary>JSON object of the changed properties' new values; null when deleted.</summary>
    public string? After { get; private set; }

    public static AuditEntry Record(
        DateTime occurredAtUtc, Guid? userId, string? userEmail, string action,
        string entityType, Guid entityId, string change, string? before, string? after) =>
        new(Guid.CreateVersion7(), DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc), userId, userEmail, action,
            entityType, entityId, change, before, after);
}
