using Coordination.Application.Notifications;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Infrastructure.Jobs;

/// <summary>Enqueues one dispatcher run; any instance's job server picks it up.</summary>
internal sealed partial class HangfireOutboxDispatchTrigger(IServiceProvider services, ILogger<HangfireOutboxDispatchTrigger> logger)
    : IOutboxDispatchTrigger
{
    public void DispatchSoon()
    {
        try
        {
            // Resolved here rather than injected: building the job client touches the job storage, and no failure of
            // it may turn a request whose change is already committed into an error.
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxDispatcherJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception ex)
        {
            // The mails are safe in the outbox; the minutely run sends them.
            LogNotEnqueued(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the outbox dispatcher; the recurring run will send the mails")]
    private partial void LogNotEnqueued(Exception exception);
}
