using Coordination.Application.People;

namespace Coordination.Application.Notifications;

/// <summary>A person as the mails need them: where to write, in which language, and whether they want the digest.</summary>
public sealed record MailRecipient(
    Guid Id, string Email, string DisplayName, Guid OrganizationId, string PreferredLanguage, bool IsActive, bool ReceivesDigest)
{
    /// <summary>The person's language when it is one the mails are written in, else English.</summary>
    public string Language => Languages.IsKnown(PreferredLanguage) ? PreferredLanguage : Languages.English;
}
