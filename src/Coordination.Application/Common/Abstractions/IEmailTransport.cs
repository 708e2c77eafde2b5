namespace Coordination.Application.Common.Abstractions;

/// <summary>
/// Hands one mail to the mail service (SendGrid, or the pickup folder when no key is configured). Only the
/// outbox dispatcher calls it, so mail never leaves from inside a request's transaction.
/// </summary>
public interface IEmailTransport
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed record EmailMessage(string To, string? ToName, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>A stable id for the mail (the outbox row), so the provider and the logs can tell repeats apart.</summary>
    public string? MessageId { get; init; }
}

public enum EmailSendOutcome
{
    Sent,

    /// <summary>Worth trying again later (timeouts, 429, 5xx).</summary>
    TransientFailure,

    /// <summary>Will never succeed as it is (bad address, rejected content, 4xx other than 429).</summary>
    PermanentFailure,
}

public sealed record EmailSendResult(EmailSendOutcome Outcome, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public static EmailSendResult Sent { get; } = new(EmailSendOutcome.Sent);
}
