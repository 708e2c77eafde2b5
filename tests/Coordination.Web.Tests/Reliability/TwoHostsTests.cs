using System.Collections.Concurrent;
using System.Diagnostics;
using Coordination.Application.Common.Abstractions;
using Coordination.Infrastructure.Jobs;
using Coordination.Infrastructure.Persistence;
using Coordination.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Abstractions;

namespace Coordination.Web.Tests.Reliability;

/// <summary>
/// Issue 5's acceptance with two app hosts on one PostgreSQL database and one Hangfire storage, both running job
/// servers, as the production compose file runs two replicas: each mail is sent once, and a recurring job both declare
/// runs once per occurrence. PostgreSQL only: the embedded job storage lives in one process and cannot be shared.
/// </summary>
public sealed class TwoHostsTests(TwoJobServers hosts, ITestOutputHelper output) : IClassFixture<TwoJobServers>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task OutboxDispatcher_RunByBothHostsJobServers_SendsEachOfAHundredMailsOnce()
    {
        var watch = Stopwatch.StartNew();
        var recipients = Enumerable.Range(0, 100).Select(_ => OutboxDriving.NewRecipient("twohosts")).ToArray();
        var ours = recipients.ToHashSet(StringComparer.Ordinal);
        // The first dispatcher to send holds its mail until a dispatcher of the other host sends too (a worker that is
        // idle polls the queue every 15 s), so both hosts surely work the same rows at the same time.
        var sending = new ConcurrentDictionary<string, bool>();
        var bothSending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hosts.Transport.Gate = async (message, host) =>
        {
            if (!ours.Contains(message.To))
                return;
            sending[host] = true;
            if (sending.Count == 2)
                bothSending.TrySetResult();
            await Task.WhenAny(bothSending.Task, Task.Delay(Patience));
        };
        var ids = await hosts.First.AddMessagesAsync(DateTime.UtcNow, recipients);

        // Both hosts ask for runs of the recurring dispatcher at once, three each: six dispatchers on six workers race
        // for the same hundred rows, besides the minutely runs.
        await Task.WhenAll(new[] { hosts.First, hosts.Second, hosts.First, hosts.Second, hosts.First, hosts.Second }
            .Select(host => Task.Run(() => host.Services.GetRequiredService<IRecurringJobManager>().Trigger(OutboxDispatcherJob.Id))));

        var sent = await PollAsync(
            () => hosts.First.WithDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null)),
            count => count == ids.Count);

        hosts.Transport.Gate = null;
        sent.ShouldBe(ids.Count, "every mail sent within the time allowed");
        foreach (var id in ids)
            hosts.Transport.DeliveriesOf(id).ShouldBe(1, $"mail {id}");
        var mine = hosts.Transport.Deliveries.Where(d => recipients.Contains(d.To)).ToList();
        mine.Count.ShouldBe(100);
        mine.Select(d => d.Host).Distinct().Count().ShouldBe(2, "both hosts sent some");
        output.WriteLine($"100 mails sent in {watch.Elapsed.TotalSeconds:0.0} s; by host: "
            + string.Join(", ", mine.GroupBy(d => d.Host).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Fact]
    public async Task RecurringJob_DeclaredByBothHosts_RunsOncePerOccurrence()
    {
        var watch = Stopwatch.StartNew();
        var managers = new[] { hosts.First, hosts.Second }.Select(h => h.Services.GetRequiredService<IRecurringJobManager>()).ToArray();
        hosts.First.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count.ShouldBe(2, "both hosts run a job server");

        // One occurrence a few seconds from now (then none for a year), declared by both hosts under the same id, as
        // RecurringJobsRegistration declares every job on every instance: both servers' schedulers see it fall due.
        var scheduled = "probe-scheduled-" + Guid.NewGuid().ToString("N")[..8];
        var occurrence = DateTime.UtcNow.AddSeconds(4);
        var cron = $"{occurrence.Second} {occurrence.Minute} {occurrence.Hour} {occurrence.Day} {occurrence.Month} *";
        foreach (var manager in managers)
            manager.AddOrUpdate<ProbeJob>(scheduled, job => job.RunAsync(scheduled, null), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });

        // A manual trigger is an occurrence of its own: from both hosts at the same moment, two runs — not four.
        var triggered = "probe-triggered-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var manager in managers)
            manager.AddOrUpdate<ProbeJob>(triggered, job => job.RunAsync(triggered, null), Cron.Never(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        using (var start = new Barrier(2))
            await Task.WhenAll(managers.Select(manager => Task.Run(() => { start.SignalAndWait(); manager.Trigger(triggered); })));

        // Both schedulers poll every 15 s: once the occurrence is that long past (and a little), each has had its look.
        var settled = occurrence + TimeSpan.FromSeconds(15 + 3);
        var runs = await PollAsync(
            () => ProbeRunsAsync(scheduled, triggered),
            r => r.Count(x => x.RecurringJobId == triggered) >= 2 && r.Any(x => x.RecurringJobId == scheduled) && DateTime.UtcNow >= settled,
            fail: r => r.Count(x => x.RecurringJobId == scheduled) > 1 || r.Count(x => x.RecurringJobId == triggered) > 2);

        runs.Count(r => r.RecurringJobId == scheduled).ShouldBe(1, "the occurrence ran once");
        runs.Where(r => r.RecurringJobId == triggered).Select(r => r.JobId).Distinct().Count().ShouldBe(2, "each trigger ran once");
        runs.Count(r => r.RecurringJobId == triggered).ShouldBe(2);
        output.WriteLine($"settled in {watch.Elapsed.TotalSeconds:0.0} s; runs: "
            + string.Join(", ", runs.Select(r => $"{r.RecurringJobId[..15]} job {r.JobId} on {r.Host}")));
    }

    private async Task<List<ProbeRun>> ProbeRunsAsync(params string[] recurringJobIds)
    {
        var runs = await hosts.First.WithDbAsync(db => db.Database
            .SqlQueryRaw<ProbeRun>("SELECT recurring_job_id AS \"RecurringJobId\", job_id AS \"JobId\", host AS \"Host\" FROM reliability_probe_runs")
            .ToListAsync());
        return [.. runs.Where(r => recurringJobIds.Contains(r.RecurringJobId))];
    }

    /// <summary>Reads until <paramref name="done"/> or the patience runs out; stops early when <paramref name="fail"/> already holds.</summary>
    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, bool>? fail = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || fail?.Invoke(value) == true || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(200);
        }
    }
}

public sealed class ProbeRun
{
    public string RecurringJobId { get; set; } = "";

    public string JobId { get; set; } = "";

    public string Host { get; set; } = "";
}

/// <summary>A recurring job of the tests: each run leaves a row (which job, which host) in the shared database.</summary>
public sealed class ProbeJob(CoordinationDbContext db, JobServerApp.HostName host)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string recurringJobId, PerformContext? context)
    {
        var jobId = context?.BackgroundJob.Id ?? "";
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO reliability_probe_runs (recurring_job_id, job_id, host, ran_at) VALUES ({recurringJobId}, {jobId}, {host.Value}, now())");
    }
}

/// <summary>Two hosts on the first one's database and job storage, with one mail service between them.</summary>
public sealed class TwoJobServers : IAsyncLifetime
{
    public CountingTransport Transport { get; } = new() { Latency = TimeSpan.FromMilliseconds(10) };

    public JobServerApp First { get; private set; } = null!;

    public JobServerApp Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = new JobServerApp("first", Transport, connectionString: null);
        await First.InitializeAsync();
        await First.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE reliability_probe_runs (recurring_job_id text NOT NULL, job_id text NOT NULL, host text NOT NULL, ran_at timestamptz NOT NULL)"));
        Second = new JobServerApp("second", Transport, First.Database.ConnectionString);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Second is not null)
            await Second.DisposeAsync();
        if (First is not null)
            await First.DisposeAsync();
    }
}

/// <summary>The real app on PostgreSQL with its job server on (PostgreSQL job storage), the shared mail service, and its name.</summary>
public sealed class JobServerApp(string host, CountingTransport transport, string? connectionString)
    : CoordinationApp(DatabaseKind.PostgreSql, demoData: false, Settings(connectionString))
{
    public sealed record HostName(string Value);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEmailTransport>();
            services.AddSingleton(transport.For(host));
            services.AddSingleton(new HostName(host));
        });
    }

    private static Dictionary<string, string> Settings(string? connectionString)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hangfire:ServerEnabled"] = "true",
            ["Hangfire:Storage"] = "PostgreSql",
            ["Hangfire:WorkerCount"] = "3",
        };
        if (connectionString is not null)
            settings["ConnectionStrings:Coordination"] = connectionString;
        return settings;
    }
}
