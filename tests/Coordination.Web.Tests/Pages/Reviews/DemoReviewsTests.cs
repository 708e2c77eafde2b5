using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.ReviewCycles;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Forums.PageSteps;

namespace Coordination.Web.Tests.Pages.Reviews;

/// <summary>The demo forum's reviews, as the demo plan describes them: one cycle closed with its snapshot, one open with three organizations missing.</summary>
public abstract class DemoReviewsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task DemoForum_HasAQuarterlySchedule_AClosedCycleWithItsSnapshot_AndAnOpenCycleWithThreeOrganizationsMissing()
    {
        var forumId = await app.DemoForumIdAsync();
        var schedule = (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId))).ReviewSchedule!;
        (schedule.Recurrence, schedule.TimeZone).ShouldBe((ReviewRecurrence.Quarterly, ReviewCycleArrange.SantoDomingo));
        var cycles = await app.CyclesAsync(forumId);
        cycles.Select(c => c.State).ShouldBe([ReviewCycleState.Closed, ReviewCycleState.Open, ReviewCycleState.Scheduled]);
        cycles.ShouldAllBe(c => c.FromSchedule);
        var (closed, open) = (cycles[0], cycles[1]);
        var today = ReviewCycleArrange.TodayIn(DateTimeOffset.UtcNow, ReviewCycleArrange.SantoDomingo);
        open.OpensOn.ShouldBeLessThanOrEqualTo(today);
        open.SubmissionDeadline.ShouldBeGreaterThan(today.AddDays(14), "no reminder is due on the day the demo is created");
        closed.ClosedAt!.Value.ShouldBeLessThan(open.OpenedAt!.Value);

        // The snapshot: one row per assignment not cancelled, some reported on time, some late, some not at all.
        var snapshot = await app.WithDbAsync(db => db.CycleSnapshots.AsNoTracking().Where(s => s.ReviewCycleId == closed.Id).ToListAsync());
        var assignments = await app.WithDbAsync(db => db.AssignmentStatuses.CountAsync(s => s.ForumId == forumId && s.Status != AssignmentStatus.Cancelled));
        snapshot.Count.ShouldBe(assignments);
        snapshot.ShouldContain(s => s.ReportedOnTime);
        snapshot.ShouldContain(s => s.ReportedLate);
        snapshot.ShouldContain(s => !s.ReportedOnTime && !s.ReportedLate && s.Status != AssignmentStatus.Completed);
        snapshot.ShouldAllBe(s => s.TakenAt == closed.ClosedAt);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var closedPage = await client.GetDocumentAsync($"/reviews/{closed.Id}");
        closedPage.QuerySelector(".compliance-source")!.TextContent.ShouldContain("As frozen in the snapshot");
        Total(closedPage, "late").ShouldBeGreaterThan(0);

        // This quarter: exactly three organizations have not reported, and they have reported nothing.
        var openPage = await client.GetDocumentAsync($"/reviews/{open.Id}");
        var missing = openPage.QuerySelectorAll("table.compliance tbody tr").Where(r => Figure(r, "missing") > 0).ToList();
        var names = await app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "MIG-BLZ" || o.Acronym == "NSO-BLZ" || o.Acronym == "MIG-HND")
            .Select(o => o.Name).ToListAsync());
        missing.Select(r => r.QuerySelector("th")!.TextContent).ShouldBe(names, ignoreOrder: true);
        missing.ShouldAllBe(r => Figure(r, "missing") == Figure(r, "expected"));
        Total(openPage, "missing").ShouldBe(missing.Sum(r => Figure(r, "missing")));
        Total(openPage, "on-time").ShouldBeGreaterThan(10);

        var list = await client.GetDocumentAsync($"/reviews?forum={forumId}");
        list.QuerySelector(".review-schedule dl")!.TextContent.ShouldContain("Quarterly");
        list.QuerySelectorAll(".review-cycles .review-state").Select(b => b.TextContent).ShouldBe(["Scheduled", "Open", "Closed"]);
    }

    private static int Figure(IElement row, string column) =>
        int.Parse(Regex.Match(row.QuerySelector($"td.{column}")!.TextContent, @"\d+").Value, CultureInfo.InvariantCulture);

    private static int Total(IDocument page, string column) => Figure(page.QuerySelector(".compliance-total")!, column);
}

public sealed class DemoReviewsTestsOnSqlite(SqliteApp app) : DemoReviewsTests<SqliteApp>(app);

public sealed class DemoReviewsTestsOnPostgreSql(PostgreSqlApp app) : DemoReviewsTests<PostgreSqlApp>(app);
