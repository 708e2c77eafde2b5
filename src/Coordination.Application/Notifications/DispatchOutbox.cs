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
public sealed record DispatchOutboxRequest(int BatchSize = DispatchOutboxRequest.DefaultBatchSize) : IRequest<int>, ISecretariatOnly
{
    public const int DefaultBatchSize = 10;

    /// <summary>How long a claim keeps other dispatchers away; longer than any send takes.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

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
                cancellationToken.ThrowIfCancellationRequested();
                if (await TrySendAsync(id, cancellationToken))
                    sent++;
            }
        }

        return sent;
    }

    /// <summary>Not sent, not given up, due, and not held by another dispatcher's live claim.</summary>
    private IQueryable<OutboxMessage> Due(DateTime now) =>
        db.OutboxMessages.AsNoTracking().Where(m =>
            m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private async Task<bool> TrySendAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var leaseUntil = now + DispatchOutboxRequest.Lease;

        // The claim: one UPDATE whose WHERE repeats the due conditions. Of two dispatchers racing for the same row, the
        // database lets exactly one update it; the other sees 0 rows and moves on.
        var claimed = await Due(now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, leaseUntil), cancellationToken);
        if (claimed == 0)
            return false;

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        var result = await SendAsync(message, cancellationToken);
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
        await db.SaveChangesAsync(cancellationToken);
        if (message.SentAt is null)
            LogNotSent(message.Id, message.Kind, message.Attempts, message.FailedAt is not null, message.LastError);
        return message.SentAt is not null;
    }

    private async Task<EmailSendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mail = new EmailMessage(message.To, message.ToName, message.Subject, message.HtmlBody, message.TextBody)
        {
            MessageId = message.Id.ToString("N"),
        };
        try
        {
            return await transport.SendAsync(mail, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A transport that throws (network, DNS) is treated as a transient failure: back off and try again.
            return new EmailSendResult(EmailSendOutcome.TransientFailure, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) not sent after attempt {Attempts}; given up: {GivenUp}; {Error}")]
    private partial void LogNotSent(Guid messageId, string kind, int attempts, bool givenUp, string? error);
}
