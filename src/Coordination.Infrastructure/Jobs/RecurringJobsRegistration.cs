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
        recurringJobs.AddOrUpdate<ReviewCyclesAdvanceJob>(ReviewCyclesAdvanceJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Mails of the reviews: each written once whatever the schedule, so these only say how soon they go out.
        recurringJobs.AddOrUpdate<ReviewRemindersJob>(
            ReviewRemindersJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // 11:00 UTC is early morning across the Americas, where the forum's day has begun everywhere.
        recurringJobs.AddOrUpdate<OverdueNoticesJob>(
            OverdueNoticesJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(11),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<WeeklyDigestJob>(
            WeeklyDigestJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Monday, 7),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<ImportRunJob>(ImportRunJob.SweepId, job => job.SweepAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
