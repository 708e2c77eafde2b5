using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Application.ActionPoints;
using Coordination.Application.Assignments;
using Coordination.Application.Home;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Outbox;
using Coordination.Web.Tests.Pages.Forums;
using static Coordination.Web.Tests.ReviewCycles.ReviewCycleArrange;

namespace Coordination.Web.Tests.Assignments;

/// <summary>
/// Every page decides "overdue" and "at risk" on the assignment's forum's own day, as the home overview and the
/// reports do: around midnight in the forum's zone, the assignment, the lists (their overdue filters in the database),
/// the action point and the home page agree with <see cref="GetStatusOverviewQuery"/>, in a forum west of UTC
/// (Santo Domingo, UTC−4) and one east of it (Manila, UTC+8). The clock is the test's (the class has an app of its own).
/// </summary>
public abstract class ForumDayFlagsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : OutboxApp
{
    private const string Manila = "Asia/Manila";

    [Fact]
    public async Task Flags_AtNineInTheEveningInSantoDomingo_NotOverdueThereYetButOverdueInAUtcForum()
    {
        var due = TodayIn(app.Clock.GetUtcNow(), SantoDomingo).AddDays(3);
        var inSantoDomingo = await PlanAsync(due, SantoDomingo);
        var inUtc = await PlanAsync(due, timeZone: null);

        // 21:00 on the due day in Santo Domingo, already the next day in UTC.
        app.MoveTo(due.AddDays(1), 1);
        await ShouldAgreeAsync(inSantoDomingo, overdue: false);
        await ShouldAgreeAsync(inUtc, overdue: true);
        await HomePagesShouldAgreeAsync(inSantoDomingo, overdue: false);
        await HomePagesShouldAgreeAsync(inUtc, overdue: true);

        // 00:30 the next day in Santo Domingo: overdue there too.
        app.MoveTo(due.AddDays(1), 4, 30);
        await ShouldAgreeAsync(inSantoDomingo, overdue: true);
        await HomePagesShouldAgreeAsync(inSantoDomingo, overdue: true);
    }

    [Fact]
    public async Task Flags_AtOneInTheMorningInManila_OverdueThereAlreadyButNotInAUtcForum()
    {
        var due = TodayIn(app.Clock.GetUtcNow(), Manila).AddDays(3);
        var inManila = await PlanAsync(due, Manila);
        var inUtc = await PlanAsync(due, timeZone: null);

        // 15:00 on the due day in UTC, 23:00 in Manila: not overdue in either yet.
        app.MoveTo(due, 15);
        await ShouldAgreeAsync(inManila, overdue: false);
        await ShouldAgreeAsync(inUtc, overdue: false);

        // 17:00 on the due day in UTC, already 01:00 the next day in Manila.
        app.MoveTo(due, 17);
        await ShouldAgreeAsync(inManila, overdue: true);
        await ShouldAgreeAsync(inUtc, overdue: false);
        await HomePagesShouldAgreeAsync(inManila, overdue: true);
        await HomePagesShouldAgreeAsync(inUtc, overdue: false);
    }

    /// <summary>INM's assignment, due <paramref name="due"/>, in a forum of its own kept in the zone (UTC without one).</summary>
    private async Task<TestData.Plan> PlanAsync(DateOnly due, string? timeZone)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false, startDate: due.AddDays(-60), dueDate: due);
        if (timeZone is not null)
            await app.SetScheduleAsync(plan.ForumId, ReviewSchedule.Create(ReviewRecurrence.Quarterly, null, due.AddDays(100), 30, null, null, timeZone));
        return plan;
    }

    /// <summary>The overview of the forum, the assignment, the lists and the action point all say the same.</summary>
    private async Task ShouldAgreeAsync(TestData.Plan plan, bool overdue)
    {
        var assignmentId = plan.AssignmentIds["INM"];
        var overview = await app.AsSystemAsync(sender => sender.Send(new GetStatusOverviewQuery(plan.ForumId)));
        overview.Overdue.ShouldBe(overdue ? 1 : 0);

        var assignment = await app.AsSystemAsync(sender => sender.Send(new GetAssignmentQuery(assignmentId)));
        (assignment.Overdue, assignment.AtRisk ? 1 : 0).ShouldBe((overdue, overview.AtRisk));

        // Across every forum (the filter decided in the database on each forum's day), and within the forum.
        var overdueAnywhere = await app.AsSystemAsync(sender => sender.Send(new ListAssignmentsQuery(Overdue: true, ActionPointId: plan.ActionPointId)));
        overdueAnywhere.Items.Select(a => a.Id).ShouldBe(overdue ? [assignmentId] : []);
        var notOverdue = await app.AsSystemAsync(sender => sender.Send(new ListAssignmentsQuery(Overdue: false, ActionPointId: plan.ActionPointId)));
        notOverdue.Items.Select(a => a.Id).ShouldBe(overdue ? [] : [assignmentId]);
        var inForum = await app.AsSystemAsync(sender => sender.Send(new ListAssignmentsQuery(ForumId: plan.ForumId)));
        inForum.Items.Single().Overdue.ShouldBe(overdue);

        var actionPoints = await app.AsSystemAsync(sender => sender.Send(new ListActionPointsQuery(ConclusionId: plan.ConclusionId, Overdue: true)));
        actionPoints.Items.Select(a => a.Id).ShouldBe(overdue ? [plan.ActionPointId] : []);
        var notOverdueActionPoints = await app.AsSystemAsync(sender => sender.Send(new ListActionPointsQuery(ConclusionId: plan.ConclusionId, Overdue: false)));
        notOverdueActionPoints.Items.Select(a => a.Id).ShouldBe(overdue ? [] : [plan.ActionPointId]);
        var actionPoint = await app.AsSystemAsync(sender => sender.Send(new GetActionPointQuery(plan.ActionPointId)));
        actionPoint.Assignments.Single().Overdue.ShouldBe(overdue);

        // The JSON API, as the focal point reads it.
        using var focal = await app.ClientAsync(TestPeople.FocalDom);
        var json = await focal.GetFromJsonAsync<JsonElement>($"/api/assignments/{assignmentId}");
        json.GetProperty("overdue").GetBoolean().ShouldBe(overdue);
        var list = await focal.GetFromJsonAsync<JsonElement>($"/api/assignments?overdue=true&forumId={plan.ForumId}");
        list.GetProperty("totalCount").GetInt32().ShouldBe(overdue ? 1 : 0);
        var apList = await focal.GetFromJsonAsync<JsonElement>($"/api/action-points?overdue=true&conclusionId={plan.ConclusionId}");
        apList.GetProperty("totalCount").GetInt32().ShouldBe(overdue ? 1 : 0);
    }

    /// <summary>
    /// The secretariat's home counts as many overdue assignments in its list as its overview does (over every forum,
    /// at the same moment), and the focal point's home badges the assignment overdue exactly when it is.
    /// </summary>
    private async Task HomePagesShouldAgreeAsync(TestData.Plan plan, bool overdue)
    {
        using var secretariat = await app.BrowserAsync(TestPeople.Secretariat);
        var home = await secretariat.GetDocumentAsync("/");
        var listed = home.QuerySelector("#overdue-heading .badge")!.TextContent.Trim();
        var terms = home.QuerySelectorAll("section[aria-labelledby='overview-heading'] dt");
        var counted = terms.Single(t => t.TextContent.Trim() == "Overdue").NextElementSibling!.TextContent.Trim();
        listed.ShouldBe(counted);

        using var focal = await app.BrowserAsync(TestPeople.FocalDom);
        var focalHome = await focal.GetDocumentAsync("/");
        var item = focalHome.QuerySelector($"a[href='/assignments/{plan.AssignmentIds["INM"]}']")!.Closest("li")!;
        (item.QuerySelector(".flag-overdue") is not null).ShouldBe(overdue);
    }
}

public sealed class ForumDayFlagsTestsOnSqlite(SqliteOutboxApp app) : ForumDayFlagsTests<SqliteOutboxApp>(app);

public sealed class ForumDayFlagsTestsOnPostgreSql(PostgreSqlOutboxApp app) : ForumDayFlagsTests<PostgreSqlOutboxApp>(app);
