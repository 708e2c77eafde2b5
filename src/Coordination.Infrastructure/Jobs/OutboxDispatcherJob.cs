using Coordination.Application.Notifications;
using Coordination.Infrastructure.Identity;
using Hangfire;
using Mediator;

namespace Coordination.Infrastructure.Jobs;

/// <summary>
/// Every minute, and soon after a request wrote mails: sends the outbox. Hangfire runs it in a scope of its own, which
/// it switches to the system actor. No Hangfire retries: the outbox keeps each message's attempts and back-off itself.
/// </summary>
public sealed class OutboxDispatcherJob(SystemActor system, ISender sender)
{
    public const string Id = "outbox-dispatcher";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        system.Activate();
        await sender.Send(new DispatchOutboxRequest(), cancellationToken);
    }
}
