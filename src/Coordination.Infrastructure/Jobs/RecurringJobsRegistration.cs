using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Coordination.Infrastructure.Jobs;

/// <summary>
/// The one place recurring jobs are declared, with stable ids; run at start on instances that host a job server.
/// <c>AddOrUpdate</c> is idempotent, so every instance declaring them at start is harmless.
/// </summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<OutboxDispatcherJob>(
            OutboxDispatcherJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
