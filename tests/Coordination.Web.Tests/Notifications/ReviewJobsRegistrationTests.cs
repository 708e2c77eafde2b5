using Coordination.Infrastructure.Jobs;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Outbox;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Notifications;

/// <summary>The jobs of the review mails are declared once, with stable ids, on hosts that run a job server.</summary>
public abstract class ReviewJobsRegistrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Theory]
    [InlineData(ReviewRemindersJob.Id, typeof(ReviewRemindersJob), "0 * * * *")]
    [InlineData(OverdueNoticesJob.Id, typeof(OverdueNoticesJob), "0 11 * * *")]
    [InlineData(WeeklyDigestJob.Id, typeof(WeeklyDigestJob), "0 7 * * 1")]
    public void Start_WithJobServer_DeclaresTheReviewMailJob(string id, Type jobType, string cron)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = connection.GetRecurringJobs().Where(j => j.Id == id).ShouldHaveSingleItem();

        job.Cron.ShouldBe(cron);
        job.Job.Type.ShouldBe(jobType);
        job.TimeZoneId.ShouldBe("UTC");
    }
}

public sealed class ReviewJobsRegistrationTestsOnSqlite(SqliteAppWithJobServer app) : ReviewJobsRegistrationTests<SqliteAppWithJobServer>(app);

public sealed class ReviewJobsRegistrationTestsOnPostgreSql(PostgreSqlAppWithJobServer app) : ReviewJobsRegistrationTests<PostgreSqlAppWithJobServer>(app);
