namespace Coordination.Application.Notifications;

/// <summary>What an outbox row is about (<c>OutboxMessage.Kind</c>), for the mails of the reviews and of changes.</summary>
public static class MailKinds
{
    public const string ReviewCycleOpened = nameof(ReviewCycleOpened);
    public const string Reminder = nameof(Reminder);
    public const string Overdue = nameof(Overdue);
    public const string Digest = nameof(Digest);
    public const string Assigned = nameof(Assigned);
    public const string AssignedByImport = nameof(AssignedByImport);
    public const string Returned = nameof(Returned);
    public const string Accepted = nameof(Accepted);
}
