using Coordination.Domain.Common;

namespace Coordination.Domain.Notifications;

/// <summary>
/// One mail to send, written in the same transaction as the change that causes it. The dispatcher claims, sends and
/// marks it; the deduplication key makes a repeated cause (a job run twice) write it only once.
/// </summary>
public sealed class OutboxMessage : Entity, INotAudited
{
    public const int MaxAttempts = 8;

    private OutboxMessage(Guid id)
        : base(id)
    {
        Kind = "";
        DeduplicationKey = "";
        To = "";
        Subject = "";
        HtmlBody = "";
        TextBody = "";
    }

    /// <summary>What the mail is about, e.g. <c>Invitation</c>, <c>Reminder</c>.</summary>
    public string Kind { get; private set; }

    public string DeduplicationKey { get; private set; }

    public string To { get; private set; }

    public string? ToName { get; private set; }

    public string Language { get; private set; } = "en";

    public string Subject { get; private set; }

    public string HtmlBody { get; private set; }

    public string TextBody { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Set while one dispatcher holds the message; a claim older than its lease may be taken over.</summary>
    public DateTime? ClaimedUntil { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? FailedAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create(
        string kind, string deduplicationKey, string to, string? toName, string language, string subject, string htmlBody, string textBody, DateTime now) =>
        new(Guid.CreateVersion7())
        {
            Kind = kind,
            DeduplicationKey = deduplicationKey,
            To = to,
            ToName = toName,
            Language = language,
            Subject = subject,
            HtmlBody = htmlBody,
            TextBody = textBody,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    public void MarkSent(DateTime now)
    {
        SentAt = now;
        ClaimedUntil = null;
        LastError = null;
    }

    /// <summary>Try again later with exponential back-off, or give up for good after too many attempts.</summary>
    public void MarkFailed(DateTime now, string error, bool permanent, TimeSpan? retryAfter)
    {
        Attempts++;
        ClaimedUntil = null;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (permanent || Attempts >= MaxAttempts)
        {
            FailedAt = now;
            return;
        }

        var backOff = TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Attempts - 1), 3600));
        NextAttemptAt = now + (retryAfter is { } wait && wait > backOff ? wait : backOff);
    }
}
