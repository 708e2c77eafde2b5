using System.Globalization;
using Coordination.Application.Home;
using Coordination.Application.Reports;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Outbox;
using Coordination.Web.Tests.Pages.Forums;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.ReviewCycles.ReviewCycleArrange;

namespace Coordination.Web.Tests.Home;

/// <summary>
/// The home page's regional status counts overdue and at-risk assignments on each forum's own day, as the forum's
/// report does: at 21:00 in Santo Domingo (01:00 the next day in UTC) an assignment due that day is not overdue there
/// yet, while one of a forum kept in UTC already is. The clock is the test's (the class has an app of its own).
/// </summary>
public abstract class StatusOverviewTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : OutboxApp
{
    [Fact]
    public async Task Overview_AtNineInTheEveningInSantoDomingo_CountsOverdueOnEachForumsDayAsItsReportDoes()
    {
        var due = TodayIn(app.Clock.GetUtcNow(), SantoDomingo).AddDays(3);
        var inSantoDomingo = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false, startDate: due.AddDays(-60), dueDate: due);
        await app.SetScheduleAsync(inSantoDomingo.ForumId, ReviewSchedule.Create(ReviewRecurrence.Quarterly, null, due.AddDays(100), 30, null, null, SantoDomingo));
        var inUtc = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false, startDate: due.AddDays(-60), dueDate: due);

        // 21:00 on the due day in Santo Domingo, already the next day in UTC.
        app.MoveTo(due.AddDays(1), 1);
        await ShouldAgreeAsync(inSantoDomingo.ForumId, overdue: 0, atRisk: 1);
        await ShouldAgreeAsync(inUtc.ForumId, overdue: 1, atRisk: 0);
        await HomePageShouldAddUpTheReportsAsync();

        // 00:30 the next day in Santo Domingo: overdue there too.
        app.MoveTo(due.AddDays(1), 4, 30);
        await ShouldAgreeAsync(inSantoDomingo.ForumId, overdue: 1, atRisk: 0);
        await ShouldAgreeAsync(inUtc.ForumId, overdue: 1, atRisk: 0);
        await HomePageShouldAddUpTheReportsAsync();
    }

    /// <summary>The home's overview of one forum and the forum's report count the same, and what is expected.</summary>
    private async Task ShouldAgreeAsync(Guid forumId, int overdue, int atRisk)
    {
        var home = await app.AsSystemAsync(sender => sender.Send(new GetStatusOverviewQuery(forumId)));
        var report = (await app.AsSystemAsync(sender => sender.Send(new GetRegionalStatusQuery(new ReportFilter(forumId))))).Overall;
        (home.Overdue, home.AtRisk).ShouldBe((report.Overdue, report.AtRisk));
        (home.Overdue, home.AtRisk).ShouldBe((overdue, atRisk));
    }

    /// <summary>
    /// The secretariat's home page shows, over every forum (the demo data's too, in whatever zone), the sum of the
    /// forums' reports at the same moment (the clock stands still meanwhile).
    /// </summary>
    private async Task HomePageShouldAddUpTheReportsAsync()
    {
        var forumIds = await app.WithDbAsync(db => db.Forums.Select(f => f.Id).ToListAsync());
        var (assignments, overdue, atRisk) = (0, 0, 0);
        foreach (var forumId in forumIds)
        {
            var report = (await app.AsSystemAsync(sender => sender.Send(new GetRegionalStatusQuery(new ReportFilter(forumId))))).Overall;
            (assignments, overdue, atRisk) = (assignments + report.Assignments, overdue + report.Overdue, atRisk + report.AtRisk);
        }

        using var browser = await app.BrowserAsync(TestPeople.Secretariat);
        var page = await browser.GetDocumentAsync("/");
        var terms = page.QuerySelectorAll("section[aria-labelledby='overview-heading'] dt");
        string Figure(string term) => terms.Single(t => t.TextContent.Trim() == term).NextElementSibling!.TextContent.Trim();
        (Figure("Assignments"), Figure("Overdue"), Figure("At risk")).ShouldBe((Number(assignments), Number(overdue), Number(atRisk)));
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("en"));
}

public sealed class StatusOverviewTestsOnSqlite(SqliteOutboxApp app) : StatusOverviewTests<SqliteOutboxApp>(app);

public sealed class StatusOverviewTestsOnPostgreSql(PostgreSqlOutboxApp app) : StatusOverviewTests<PostgreSqlOutboxApp>(app);
