using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coordination.Application.Notifications;

/// <summary>
/// Sends the outbox's due mails. Deliberately an <see cref="IRequest{TResponse}"/> and not a command: the unit of
/// work would otherwise hold one transaction open across every call to the mail service. Each message is claimed
/// with a conditional update, sent, and its outcome saved on its own. Run by the job as the system actor.
/// </summary>
/// <remarks>
/// <para>The delivery guarantee, on any number of dispatchers and servers sharing the database:</para>
/// <list type="bullet">
/// <item>No mail is lost: a message leaves the due set only when an attempt is recorded as sent, or as failed for good
/// (a permanent refusal or <see cref="OutboxMessage.MaxAttempts"/> failures), which <c>GET /api/outbox/failed</c> lists.
/// A claim whose dispatcher died lapses after <see cref="Lease"/> and the message is taken over.</item>
/// <item>A message is handed to the mail service by one dispatcher at a time: the claim is one conditional UPDATE, and
/// a send is abandoned after <see cref="SendTimeout"/>, well inside the lease, so no claim lapses while its send runs.</item>
/// <item>It is handed over again only after an attempt whose outcome was not recorded as sent: a failure answer
/// (tried again after the back-off) or no record at all. The one window in which a mail the service accepted can be
/// sent a second time is between the service's answer and the commit of the one-row UPDATE that marks it sent, if
/// the process dies there or the database is unreachable then (the claim lapses and the mail goes again); and a
/// send that timed out although the service took it. Being asked to stop (shutdown, cancellation) never opens that
/// window: the token is heeded only between messages, never between a claim and its recorded outcome.</item>
/// <item>Every attempt carries the outbox row's id as the mail's id (<see cref="EmailMessage.MessageId"/>: SendGrid's
/// custom argument <c>coordination_message_id</c>, the <c>Message-ID</c> of a pickup-folder mail), so a duplicate from
/// that window can be recognised downstream.</item>
/// </list>
/// </remarks>
public sealed record DispatchOutboxRequest(int BatchSize = DispatchOutboxRequest.DefaultBatchSize) : IRequest<int>, ISecretariatOnly
{
    public const int DefaultBatchSize = 10;

    /// <summary>How long a claim keeps other dispatchers away; longer than any send takes.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>A send still unanswered after this long counts as a transient failure; far inside <see cref="Lease"/>.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(1);

    /// <summary>One run stops after this many batches, so a huge backlog never holds a worker for long.</summary>
    public const int MaxBatches = 50;
}

public sealed partial class DispatchOutboxHandler(
    ICoordinationDbContext db, IEmailTransport transport, TimeProvider clock, ILogger<DispatchOutboxHandler> logger)
    : IRequestHandler<DispatchOutboxRequest, int>
{
    public async ValueTask<int> Handle(DispatchOutboxRequest request, CancellationToken cancellationToken)
    {
        var batchSize = Math.Clamp(request.BatchSize, 1, 100);
        var sent = 0;
        for (var batch = 0; batch < DispatchOutboxRequest.MaxBatches; batch++)
        {
            var now = clock.UtcNow();
            var due = await Due(now)
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => m.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
                break;

            foreach (var id in due)
            {
                // The only place a stop is heeded: before a claim, when this dispatcher holds nothing.
                cancellationToken.ThrowIfCancellationRequested();
                if (await TrySendAsync(id))
                    sent++;
            }
        }

        return sent;
    }

    /// <summary>Not sent, not given up, due, and not held by another dispatcher's live claim.</summary>
    private IQueryable<OutboxMessage> Due(DateTime now) =>
        db.OutboxMessages.AsNoTracking().Where(m =>
            m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    /// <summary>
    /// Claim, send, record — without a cancellation token: once claimed, the message is carried through to a recorded
    /// outcome, so a stop never leaves it held until its lease lapses, nor a mail sent but not marked.
    /// </summary>
    private async Task<bool> TrySendAsync(Guid id)
    {
        var now = clock.UtcNow();
        var leaseUntil = now + DispatchOutboxRequest.Lease;

        // The claim: one UPDATE whose WHERE repeats the due conditions. Of two dispatchers racing for the same row, the
        // database lets exactly one update it; the other sees 0 rows and moves on.
        var claimed = await Due(now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, leaseUntil), CancellationToken.None);
        if (claimed == 0)
            return false;

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, CancellationToken.None);
        var result = await SendAsync(message);
        var finished = clock.UtcNow();
        switch (result.Outcome)
        {
            case EmailSendOutcome.Sent:
                message.MarkSent(finished);
                break;
            case EmailSendOutcome.PermanentFailure:
                message.MarkFailed(finished, result.Detail ?? "The mail service refused the message.", permanent: true, retryAfter: null);
                break;
            default:
                message.MarkFailed(finished, result.Detail ?? "The mail service could not take the message now.", permanent: false, result.RetryAfter);
                break;
        }

        // Saved per message and without a surrounding transaction: a failure later in the batch never un-sends this one.
        // Straight after the answer: this UPDATE's round trip is the whole at-least-once window.
        await db.SaveChangesAsync(CancellationToken.None);
        if (message.SentAt is null)
            LogNotSent(message.Id, message.Kind, message.Attempts, message.FailedAt is not null, message.LastError);
        return message.SentAt is not null;
    }

    private async Task<EmailSendResult> SendAsync(OutboxMessage message)
    {
        var mail = new EmailMessage(message.To, message.ToName, message.Subject, message.HtmlBody, message.TextBody)
        {
            MessageId = message.Id.ToString("N"),
        };
        // Its own deadline rather than the dispatcher's stop signal: cutting a request off half-way is what would make
        // its outcome unknown, while one that ends, either way, is recorded.
        using var timeout = new CancellationTokenSource(DispatchOutboxRequest.SendTimeout, clock);
        try
        {
            return await transport.SendAsync(mail, timeout.Token);
        }
        catch (Exception ex)
        {
            // A transport that throws (network, DNS, the timeout) is a transient failure: back off and try again.
            var detail = timeout.IsCancellationRequested
                ? $"No answer from the mail service within {DispatchOutboxRequest.SendTimeout.TotalSeconds:0} s."
                : $"{ex.GetType().Name}: {ex.Message}";
            return new EmailSendResult(EmailSendOutcome.TransientFailure, detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) not sent after attempt {Attempts}; given up: {GivenUp}; {Error}")]
    private partial void LogNotSent(Guid messageId, string kind, int attempts, bool givenUp, string? error);
}
