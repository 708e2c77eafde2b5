using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Reports;

public abstract class ReportsApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string Narrative = "A narrative only the secretariat reads, about the ministry's budget.";

    private static readonly string[] ReportRoutes =
        ["/api/reports/regional-status", "/api/reports/regional-status.csv", "/api/reports/regional-status.xlsx", "/api/reports/trend"];

    [Fact]
    public async Task Report_Anonymous_Is404UnpublishedInEveryFormat_200Published_And404AgainUnpublished()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM", "MIG-MEX"], requiresValidation: true);
        await ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 40, accept: true);
        await ReportAsync(plan.AssignmentIds["MIG-MEX"], AssignmentStatus.InProgress, 70, accept: false);
        using var anonymous = app.CreateApiClient();
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        await ShouldAllBe404Async(anonymous, plan.ForumId);
        (await anonymous.GetFromJsonAsync<List<PublishedReportResponse>>("/api/reports/published", HttpClientExtensions.Json))!
            .ShouldNotContain(r => r.ForumId == plan.ForumId);

        var published = await ReportFiles.ReadJsonAsync<ForumResponse>(await secretariat.PostAsync($"/api/forums/{plan.ForumId}/report/publish", null));

        published.ReportPublished.ShouldBeTrue();
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == plan.ForumId).Select(a => a.Action).ToListAsync());
        audit.ShouldContain("PublishReport");
        (await anonymous.GetFromJsonAsync<List<PublishedReportResponse>>("/api/reports/published", HttpClientExtensions.Json))!
            .ShouldContain(r => r.ForumId == plan.ForumId);
        foreach (var route in ReportRoutes)
            (await anonymous.GetAsync($"{route}?forumId={plan.ForumId}")).StatusCode.ShouldBe(HttpStatusCode.OK, route);

        // Accepted updates only: the update awaiting validation does not count, and nothing internal is shown.
        var response = await anonymous.GetAsync($"/api/reports/regional-status?forumId={plan.ForumId}");
        var body = await response.Content.ReadAsStringAsync();
        var status = await ReportFiles.ReadJsonAsync<RegionalStatusResponse>(response);
        status.Published.ShouldBeTrue();
        Figures.Of(status.Overall).ShouldBe(new Figures(2, 1, 1, 0, 0, 0, 20.0, 0, 0));
        body.ShouldNotContain("ministry's budget");
        body.ShouldNotContain("@example.org");
        var workbook = await (await anonymous.GetAsync($"/api/reports/regional-status.xlsx?forumId={plan.ForumId}")).Content.ReadAsByteArrayAsync();
        var updates = ReportFiles.Sheet(workbook, "Updates");
        updates.Count.ShouldBe(1);
        ReportFiles.Int(updates[0]["Percent complete"]).ShouldBe(40);
        Encoding.UTF8.GetString(workbook).ShouldNotContain("budget");

        var unpublished = await ReportFiles.ReadJsonAsync<ForumResponse>(await secretariat.PostAsync($"/api/forums/{plan.ForumId}/report/unpublish", null));

        unpublished.ReportPublished.ShouldBeFalse();
        (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityId == plan.ForumId && a.Action == "UnpublishReport"))).ShouldBe(1);
        await ShouldAllBe404Async(anonymous, plan.ForumId);
    }

    [Fact]
    public async Task Published_ListsThePublishedReportsOnly_ToTheSecretariatAsToAnyone_WithTheirDates()
    {
        var published = await app.CreatePlanAsync(["INM"], ["INM"]);
        var unpublished = await app.CreatePlanAsync(["INM"], ["INM"]);
        await app.WithDbAsync(async db =>
        {
            (await db.Forums.SingleAsync(f => f.Id == published.ForumId)).PublishReport();
            await db.SaveChangesAsync();
        });
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == published.ForumId));
        using var anonymous = app.CreateApiClient();
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        foreach (var client in new[] { anonymous, secretariat })
        {
            // The secretariat reads the unpublished forum's report, but the public list is of what the public may read.
            var list = (await client.GetFromJsonAsync<List<PublishedReportResponse>>("/api/reports/published", HttpClientExtensions.Json))!;
            list.ShouldNotContain(r => r.ForumId == unpublished.ForumId);
            list.ShouldContain(r => r.ForumId == published.ForumId);
            var item = list.Single(r => r.ForumId == published.ForumId);
            (item.Title, item.Place, item.StartDate, item.EndDate, item.ReportPublished).ShouldBe((forum.Title, forum.Place, forum.StartDate, forum.EndDate, true));
        }
    }

    [Fact]
    public async Task Report_OfAPublishedForum_IsReadableByAFocalPointOutsideIt_AndAnUnpublishedOneIs404()
    {
        var plan = await app.CreatePlanAsync(["MIG-GTM"], ["MIG-GTM"]);
        var outsider = await app.CreatePersonAsync(Coordination.Application.Common.Security.Roles.FocalPoint, await app.OrganizationIdAsync("NSO-HND"));
        using var client = await app.ClientAsync(outsider.Email!, TestPeople.Password);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        await ShouldAllBe404Async(client, plan.ForumId);
        (await secretariat.PostAsync($"/api/forums/{plan.ForumId}/report/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var route in ReportRoutes)
            (await client.GetAsync($"{route}?forumId={plan.ForumId}")).StatusCode.ShouldBe(HttpStatusCode.OK, route);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task PublishAndUnpublish_ByAnyoneButTheSecretariat_Are403AndWriteNothing(string email)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.ClientAsync(email);
        var before = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId));

        foreach (var action in new[] { "publish", "unpublish" })
        {
            var problem = await ReviewCycleArrange.ProblemAsync(
                await client.PostAsync($"/api/forums/{plan.ForumId}/report/{action}", null), HttpStatusCode.Forbidden);
            problem.Status.ShouldBe(403);
        }

        var after = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId));
        after.ReportPublished.ShouldBeFalse();
        after.Version.ShouldBe(before.Version);
        (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityId == plan.ForumId && a.Action.Contains("Publish")))).ShouldBe(0);
    }

    [Fact]
    public async Task Publish_AForumThatDoesNotExist_Is404()
    {
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        await ReviewCycleArrange.ProblemAsync(await secretariat.PostAsync($"/api/forums/{Guid.NewGuid()}/report/publish", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Report_WithBadFilters_Is400NamingEachField_InEveryFormat()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.ClientAsync(TestPeople.Viewer);

        foreach (var route in ReportRoutes)
        {
            (await ErrorsAsync(client, route)).Keys.ShouldBe(["forumId"]);
            (await ErrorsAsync(client, $"{route}?forumId=not-a-guid")).Keys.ShouldBe(["forumId"]);
            (await ErrorsAsync(client, $"{route}?forumId={plan.ForumId}&countryCode=XXX&organizationKind=Ministry&theme={new string('t', 151)}&gcmObjective=24&sdgTarget=99.9"))
                .Keys.ShouldBe(["countryCode", "organizationKind", "theme", "gcmObjective", "sdgTarget"], ignoreOrder: true);
            (await ErrorsAsync(client, $"{route}?forumId={plan.ForumId}&gcmObjective=three&organizationKind=3"))
                .Keys.ShouldBe(["gcmObjective", "organizationKind"], ignoreOrder: true);
        }
    }

    [Fact]
    public async Task Exports_WithFormulaAndScriptNames_ComeOutInert_InJsonCsvAndXlsx()
    {
        const string formula = "=HYPERLINK(\"http://x\",\"y\")";
        const string script = "<script>alert(1)</script>";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (forumId, formulaOrganization, scriptOrganization) = await app.WithDbAsync(async db =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var bad = Organization.Create(formula, $"F{suffix}", OrganizationKind.MemberStateInstitution, "MEX");
            var worse = Organization.Create(script, $"S{suffix}", OrganizationKind.CivilSociety, null);
            db.Organizations.AddRange(bad, worse);
            var forum = Forum.Create($"Inert forum {suffix}", "Panama City", today.AddDays(-30), today.AddDays(-29), null, true, [bad.Id, worse.Id]);
            db.Forums.Add(forum);
            var first = Conclusion.Create(forum.Id, 1, "First.", formula, [3], ["10.7"]);
            var second = Conclusion.Create(forum.Id, 2, "Second.", script, [], []);
            db.Conclusions.AddRange(first, second);
            foreach (var (conclusion, n) in new[] { (first, 1), (second, 2) })
            {
                var actionPoint = ActionPoint.Create(forum.Id, conclusion.Id, $"X-{suffix}-{n}", n == 1 ? "@SUM(1;2)" : "+1 action", null, Priority.Low, today.AddDays(-10), today.AddDays(90), null);
                db.ActionPoints.Add(actionPoint);
                db.Assignments.Add(Assignment.Create(actionPoint, bad.Id, AssignmentRole.Lead, null));
                db.Assignments.Add(Assignment.Create(actionPoint, worse.Id, AssignmentRole.Supporting, null));
            }

            await db.SaveChangesAsync();
            return (forum.Id, bad.Id, worse.Id);
        });
        using var client = await app.ClientAsync(TestPeople.Secretariat);

        var status = await ReportFiles.ReadJsonAsync<RegionalStatusResponse>(await client.GetAsync($"/api/reports/regional-status?forumId={forumId}"));
        status.ByOrganization.Single(o => o.Key == formulaOrganization.ToString()).Label.ShouldBe(formula);
        status.ByOrganization.Single(o => o.Key == scriptOrganization.ToString()).Label.ShouldBe(script);
        status.ByTheme.Select(t => t.Key).ShouldBe([formula, script], ignoreOrder: true);

        var csvBytes = await (await client.GetAsync($"/api/reports/regional-status.csv?forumId={forumId}")).Content.ReadAsByteArrayAsync();
        var csv = ReportFiles.CsvFigures(csvBytes);
        csv[("byOrganization", formulaOrganization.ToString())].Label.ShouldBe("'" + formula);
        csv[("byOrganization", scriptOrganization.ToString())].Label.ShouldBe(script);
        csv[("byTheme", "'" + formula)].Label.ShouldBe("'" + formula);
        csv.Keys.ShouldContain(("byTheme", script));
        Encoding.UTF8.GetString(csvBytes).ShouldContain("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        ReportFiles.ParseCsv(csvBytes).SelectMany(r => r).ShouldAllBe(cell => cell.Length == 0 || "=+-@\t\r".IndexOf(cell[0]) < 0);

        var workbook = await (await client.GetAsync($"/api/reports/regional-status.xlsx?forumId={forumId}")).Content.ReadAsByteArrayAsync();
        var cells = ReportFiles.Cells(workbook);
        cells.ShouldNotBeEmpty();
        cells.ShouldAllBe(c => !c.Elements().Any(e => e.Name.LocalName == "f"), "no cell is a formula");
        cells.Where(c => c.Value == formula).ShouldAllBe(c => (string?)c.Attribute("t") == "str" || (string?)c.Attribute("t") == "s" || (string?)c.Attribute("t") == "inlineStr");
        ReportFiles.Sheet(workbook, "Assignments").Select(r => (string)r["Organization"]!).ShouldBe([formula, formula, script, script], ignoreOrder: true);
        ReportFiles.Sheet(workbook, "Assignments").Select(r => (string)r["Title"]!).ShouldContain("@SUM(1;2)");
        ReportFiles.Sheet(workbook, "By theme").Select(r => (string)r["Key"]!).ShouldBe([formula, script], ignoreOrder: true);
    }

    [Fact]
    public async Task Trend_AfterClosingTwoCyclesInDifferentStates_HasTwoPointsWithTheSnapshotFigures()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = await app.CreatePlanAsync(
            ["INM"], ["INM", "MIG-MEX", "NSO-BLZ", "CSO"], requiresValidation: false, startDate: today.AddDays(-90), dueDate: today.AddDays(180));
        var a = plan.AssignmentIds;
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var first = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-40), today.AddDays(-30), open: true, name: "First review");
        await app.ReportAsync(a["INM"], first, today.AddDays(-30).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), AssignmentStatus.InProgress, 40);
        await app.ReportAsync(a["MIG-MEX"], first, today.AddDays(-28).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), AssignmentStatus.OnHold, 20);
        (await secretariat.PostAsync($"/api/review-cycles/{first}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-20), today.AddDays(-5), open: true, name: "Second review");
        await app.ReportAsync(a["INM"], second, today.AddDays(-6).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), AssignmentStatus.Completed, 100);
        await app.CancelAsync(a["CSO"]);
        await app.SetDueDateAsync(a["NSO-BLZ"], today.AddDays(-3));
        (await secretariat.PostAsync($"/api/review-cycles/{second}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Later changes do not move the points: they come from the snapshots.
        await app.ReportAsync(a["NSO-BLZ"], null, DateTime.UtcNow, AssignmentStatus.InProgress, 90);
        using var viewer = await app.ClientAsync(TestPeople.Viewer);
        var trend = await ReportFiles.ReadJsonAsync<TrendResponse>(await viewer.GetAsync($"/api/reports/trend?forumId={plan.ForumId}"));

        trend.Points.Select(p => p.ReviewCycleId).ShouldBe([first, second]);
        trend.Points.Select(p => p.Name).ShouldBe(["First review", "Second review"]);
        Point(trend.Points[0]).ShouldBe(new Figures(4, 2, 1, 0, 1, 0, 15.0, 0, 0));
        (trend.Points[0].ReportedOnTime, trend.Points[0].ReportedLate, trend.Points[0].NotReported).ShouldBe((1, 1, 2));
        Point(trend.Points[1]).ShouldBe(new Figures(3, 1, 0, 1, 1, 0, 40.0, 1, 0));
        (trend.Points[1].ReportedOnTime, trend.Points[1].ReportedLate, trend.Points[1].NotReported).ShouldBe((1, 0, 2));
        trend.Points[1].SubmissionDeadline.ShouldBe(today.AddDays(-5));

        // The same figures straight from the snapshot rows, and a filter narrows the points as it does the status.
        foreach (var point in trend.Points)
        {
            var rows = await app.WithDbAsync(db => db.CycleSnapshots.AsNoTracking().Where(s => s.ReviewCycleId == point.ReviewCycleId).ToListAsync());
            point.Assignments.ShouldBe(rows.Count);
            point.Overdue.ShouldBe(rows.Count(r => r.Overdue));
            point.PercentComplete.ShouldBe((double)Math.Round((decimal)rows.Sum(r => r.PercentComplete) / rows.Count, 1, MidpointRounding.AwayFromZero));
        }

        var mexico = await ReportFiles.ReadJsonAsync<TrendResponse>(await viewer.GetAsync($"/api/reports/trend?forumId={plan.ForumId}&countryCode=MEX"));
        mexico.Points.Select(p => (p.Assignments, p.ByStatus["OnHold"], p.ReportedLate)).ShouldBe([(1, 1, 1), (1, 1, 0)]);
    }

    [Fact]
    public async Task OpenApi_DescribesTheReportRoutes_WithTheirFiltersAndAnswers()
    {
        using var client = app.CreateApiClient();

        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var route in ReportRoutes)
        {
            var get = paths.GetProperty(route).GetProperty("get");
            get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
                .ShouldBe(["forumId", "countryCode", "organizationKind", "theme", "gcmObjective", "sdgTarget"], ignoreOrder: true);
            get.GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue(route);
            get.GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue(route);
        }

        paths.GetProperty("/api/reports/regional-status.csv").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("text/csv; charset=utf-8", out _).ShouldBeTrue();
        var status = paths.GetProperty("/api/reports/regional-status").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText();
        status.ShouldContain("RegionalStatusDto");
        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("RegionalStatusDto").GetProperty("properties");
        schema.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["forumId", "forumTitle", "asOf", "published", "filter", "overall", "byCountry", "byOrganization", "byTheme", "byGcmObjective", "bySdgTarget"],
            ignoreOrder: true);
        paths.GetProperty("/api/forums/{id}/report/publish").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/forums/{id}/report/unpublish").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/reports/published").TryGetProperty("get", out _).ShouldBeTrue();
    }

    private static Figures Point(TrendPointResponse p) => Figures.Of(p.Assignments, p.ByStatus, p.PercentComplete, p.Overdue, p.AtRisk);

    private static async Task ShouldAllBe404Async(HttpClient client, Guid forumId)
    {
        foreach (var route in ReportRoutes)
            await ReviewCycleArrange.ProblemAsync(await client.GetAsync($"{route}?forumId={forumId}"), HttpStatusCode.NotFound);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpClient client, string url) =>
        (await ReviewCycleArrange.ProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest)).Errors!;

    private Task ReportAsync(Guid assignmentId, AssignmentStatus status, int percent, bool accept) =>
        app.WithDbAsync(async db =>
        {
            var assignment = (await db.Assignments.FindAsync(assignmentId))!;
            var update = assignment.Report(
                new ProgressReport(status, percent, Narrative, "Obstacles only the secretariat reads", null, [], null, null),
                new Reporter(Guid.NewGuid(), "focal.dom@example.org", assignment.OrganizationId), DateTime.UtcNow, requiresValidation: true);
            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync();
            if (accept)
            {
                assignment.Accept(update, Guid.NewGuid(), "Secretariat", DateTime.UtcNow);
                await db.SaveChangesAsync();
            }
        });
}

public sealed class ReportsApiTestsOnSqlite(SqliteApp app) : ReportsApiTests<SqliteApp>(app);

public sealed class ReportsApiTestsOnPostgreSql(PostgreSqlApp app) : ReportsApiTests<PostgreSqlApp>(app);
