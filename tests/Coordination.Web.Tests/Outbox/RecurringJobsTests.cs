using Coordination.Infrastructure.Jobs;
using Coordination.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Outbox;

/// <summary>A host with its job server on declares the dispatcher every minute; the other tests' hosts (server off) do not.</summary>
public abstract class RecurringJobsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public void Start_WithJobServer_DeclaresTheOutboxDispatcherEveryMinute()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var dispatcher = connection.GetRecurringJobs().Where(job => job.Id == OutboxDispatcherJob.Id).ShouldHaveSingleItem();

        dispatcher.Cron.ShouldBe(Cron.Minutely());
        dispatcher.Job.Type.ShouldBe(typeof(OutboxDispatcherJob));
        dispatcher.TimeZoneId.ShouldBe("UTC");
    }
}

public sealed class SqliteAppWithJobServer() : CoordinationApp(
    DatabaseKind.Sqlite, demoData: false, settings: new Dictionary<string, string> { ["Hangfire:ServerEnabled"] = "true", ["Hangfire:WorkerCount"] = "1" });

public sealed class PostgreSqlAppWithJobServer() : CoordinationApp(
    DatabaseKind.PostgreSql, demoData: false, settings: new Dictionary<string, string> { ["Hangfire:ServerEnabled"] = "true", ["Hangfire:WorkerCount"] = "1" });

public sealed class RecurringJobsTestsOnSqlite(SqliteAppWithJobServer app) : RecurringJobsTests<SqliteAppWithJobServer>(app);

public sealed class RecurringJobsTestsOnPostgreSql(PostgreSqlAppWithJobServer app) : RecurringJobsTests<PostgreSqlAppWithJobServer>(app);

public abstract class NoRecurringJobsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public void Start_WithoutJobServer_DeclaresNoRecurringJob()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        connection.GetRecurringJobs().ShouldNotContain(job => job.Id == OutboxDispatcherJob.Id);
    }
}

public sealed class NoRecurringJobsTestsOnSqlite(SqliteAppWithoutDemoData app) : NoRecurringJobsTests<SqliteAppWithoutDemoData>(app);

public sealed class NoRecurringJobsTestsOnPostgreSql(PostgreSqlAppWithoutDemoData app) : NoRecurringJobsTests<PostgreSqlAppWithoutDemoData>(app);
