using Coordination.Application.Common.Abstractions;
using Coordination.Application.Notifications;
using Coordination.Domain.Notifications;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Reliability;

/// <summary>
/// Issue 5's acceptance: killing the dispatcher half-way through a batch and starting again sends every remaining mail
/// exactly once. A stop (the host shutting down: the job's token cancelled) is heeded only between messages; a
/// process that dies between the mail service's answer and the mark leaves a claim, which lapses after the lease —
/// the one documented at-least-once window (see <see cref="DispatchOutboxRequest"/>).
/// </summary>
public abstract class DispatcherRestartTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CountingOutboxApp
{
    [Fact]
    public async Task Dispatch_StoppedAfterThreeOfTenSends_RestartSendsTheOtherSevenExactlyOnce()
    {
        var recipients = Enumerable.Range(0, 10).Select(_ => OutboxDriving.NewRecipient("stopped")).ToArray();
        var ids = await app.AddMessagesAsync(Now, recipients);
        using var stop = new CancellationTokenSource();
        var accepted = 0;
        app.Transport.Hook = message =>
        {
            // The host begins to shut down just as the service accepts the third mail.
            if (recipients.Contains(message.To) && Interlocked.Increment(ref accepted) == 3)
                stop.Cancel();
            return null;
        };

        await ShouldStopAsync(app.DispatchAsync(batchSize: 4, stop.Token));
        app.Transport.Hook = null;

        var rows = await RowsAsync(ids);
        rows.Count(m => m.SentAt != null).ShouldBe(3, "the mail accepted as the stop came is marked, not left for a second send");
        ids.Sum(app.Transport.DeliveriesOf).ShouldBe(3);
        rows.Where(m => m.SentAt == null).ShouldAllBe(m => m.ClaimedUntil == null && m.Attempts == 0, "a stopped dispatcher holds nothing");

        // The restart needs no lease to lapse: nothing was left claimed.
        await app.DispatchAsync(batchSize: 4, CancellationToken.None);

        foreach (var id in ids)
            app.Transport.DeliveriesOf(id).ShouldBe(1);
        (await RowsAsync(ids)).ShouldAllBe(m => m.SentAt != null && m.ClaimedUntil == null);
    }

    [Fact]
    public async Task Dispatch_StoppedWhileASendIsInFlight_RecordsTheAttemptAndTheRestartSendsEveryMailOnce()
    {
        var recipients = Enumerable.Range(0, 5).Select(_ => OutboxDriving.NewRecipient("inflight")).ToArray();
        var ids = await app.AddMessagesAsync(Now, recipients);
        using var stop = new CancellationTokenSource();
        app.Transport.Hook = message =>
        {
            // The third mail's request is cut off by the shutdown before the service took it.
            if (message.To != recipients[2])
                return null;
            stop.Cancel();
            throw new OperationCanceledException("The request was cancelled.");
        };

        await ShouldStopAsync(app.DispatchAsync(batchSize: 10, stop.Token));
        app.Transport.Hook = null;

        var cut = await RowAsync(ids[2]);
        cut.SentAt.ShouldBeNull();
        cut.ClaimedUntil.ShouldBeNull();
        cut.Attempts.ShouldBe(1);
        cut.LastError!.ShouldContain(nameof(OperationCanceledException));
        cut.NextAttemptAt.ShouldBe(Now.AddSeconds(30), TimeSpan.FromMilliseconds(1));
        // Mails before the cut one (in whatever order the dispatcher took them) were sent; those after it are not held.
        (await RowsAsync(ids)).Where(m => m.Id != ids[2]).ShouldAllBe(m => m.SentAt != null || (m.ClaimedUntil == null && m.Attempts == 0));

        await app.DispatchAsync(batchSize: 10, CancellationToken.None);
        app.Transport.DeliveriesOf(ids[2]).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await app.DispatchAsync(batchSize: 10, CancellationToken.None);

        foreach (var id in ids)
            app.Transport.DeliveriesOf(id).ShouldBe(1);
        (await RowsAsync(ids)).ShouldAllBe(m => m.SentAt != null);
    }

    [Fact]
    public async Task Dispatch_AfterAProcessDiedBetweenSendAndMark_SendsThatMailAgainOnlyOnceItsLeaseLapsesAndWithTheSameId()
    {
        var recipients = Enumerable.Range(0, 4).Select(_ => OutboxDriving.NewRecipient("died")).ToArray();
        var ids = await app.AddMessagesAsync(Now, recipients);
        var orphan = ids[0];

        // What a dispatcher that died in the window leaves: its claim on the row, and the mail accepted by the service.
        var claimedUntil = Now + DispatchOutboxRequest.Lease;
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == orphan)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil)));
        await app.Transport.SendAsync(
            new EmailMessage(recipients[0], null, "Recordatorio: informe de avance", "<p>…</p>", "…") { MessageId = orphan.ToString("N") },
            "the process that died", CancellationToken.None);

        // The restart sends the rest at once and leaves the orphan to its lease.
        await app.RunDispatcherAsync();
        foreach (var id in ids.Skip(1))
            app.Transport.DeliveriesOf(id).ShouldBe(1);
        app.Transport.DeliveriesOf(orphan).ShouldBe(1);
        app.Clock.Advance(DispatchOutboxRequest.Lease - TimeSpan.FromSeconds(1));
        await app.RunDispatcherAsync();
        app.Transport.DeliveriesOf(orphan).ShouldBe(1);

        // Past the lease the outcome is unknown to the outbox, so the mail goes again — once, recognisable by its id.
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.RunDispatcherAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunDispatcherAsync();

        app.Transport.DeliveriesOf(orphan).ShouldBe(2);
        app.Transport.Deliveries.Where(d => d.To == recipients[0]).ShouldAllBe(d => d.MessageId == orphan.ToString("N"));
        (await RowAsync(orphan)).SentAt.ShouldNotBeNull();
        foreach (var id in ids.Skip(1))
            app.Transport.DeliveriesOf(id).ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_SendThatNeverAnswers_IsCutOffInsideTheLeaseAndRetried()
    {
        DispatchOutboxRequest.SendTimeout.ShouldBeLessThan(DispatchOutboxRequest.Lease / 2);
        var to = OutboxDriving.NewRecipient("hung");
        var id = (await app.AddMessagesAsync(Now, to)).Single();
        var hungTransport = new HungOnceTransport(app.Transport, to);

        var dispatch = app.WithScopeAsync(async services =>
        {
            services.GetRequiredService<Coordination.Infrastructure.Identity.SystemActor>().Activate();
            var handler = ActivatorUtilities.CreateInstance<DispatchOutboxHandler>(services, (IEmailTransport)hungTransport);
            return await handler.Handle(new DispatchOutboxRequest(), CancellationToken.None);
        });
        await hungTransport.Started.WaitAsync(TimeSpan.FromSeconds(10));
        app.Clock.Advance(DispatchOutboxRequest.SendTimeout);
        await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        var row = await RowAsync(id);
        row.SentAt.ShouldBeNull();
        row.ClaimedUntil.ShouldBeNull();
        row.Attempts.ShouldBe(1);
        row.LastError!.ShouldContain("No answer from the mail service");
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await app.RunDispatcherAsync();
        app.Transport.DeliveriesOf(id).ShouldBe(1);
    }

    /// <summary>A stopped dispatcher ends with the stop (an <see cref="OperationCanceledException"/> or a subtype).</summary>
    private static async Task ShouldStopAsync(Task<int> dispatch)
    {
        try
        {
            await dispatch;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        throw new Xunit.Sdk.XunitException("The dispatcher ran to its end although it was asked to stop.");
    }

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private Task<List<OutboxMessage>> RowsAsync(IReadOnlyCollection<Guid> ids) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());

    private Task<OutboxMessage> RowAsync(Guid id) => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Never answers for one recipient (until cancelled); passes every other mail on.</summary>
    private sealed class HungOnceTransport(IEmailTransport inner, string to) : IEmailTransport
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (message.To != to)
                return await inner.SendAsync(message, cancellationToken);
            _started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
        }
    }
}

public sealed class DispatcherRestartTestsOnSqlite(SqliteCountingOutboxApp app) : DispatcherRestartTests<SqliteCountingOutboxApp>(app);

public sealed class DispatcherRestartTestsOnPostgreSql(PostgreSqlCountingOutboxApp app) : DispatcherRestartTests<PostgreSqlCountingOutboxApp>(app);
