using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;
using Coordination.Web.Tests.ActionPoints;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Forums;
using Coordination.Web.Tests.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Pages.Reports;

public abstract class ReportPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Dashboard_ShowsTheOverallFiguresOfTheRegionalStatusQuery()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE", "MIG-MEX", "MIG-BLZ"], ["INM", "ONE", "MIG-MEX"], requiresValidation: false);
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 40, requiresValidation: false);
        await app.CompleteAsync(plan.AssignmentIds["MIG-MEX"]);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/reports/{plan.ForumId}");

        page.Heading().ShouldBe("Regional dashboard");
        page.Figure("assignments").ShouldBe("3");
        page.Figure("percentComplete").ShouldBe("46.7%");
        page.Figure("NotStarted").ShouldBe("1");
        page.Figure("InProgress").ShouldBe("1");
        page.Figure("Completed").ShouldBe("1");
        page.Figure("overdue").ShouldBe("0");
        page.Figure("atRisk").ShouldBe("0");

        // The same figures as the JSON the API answers from the same query.
        using var api = await app.SignedInAsync(TestPeople.Secretariat);
        using var json = JsonDocument.Parse(await api.GetStringAsync($"/api/reports/regional-status?forumId={plan.ForumId}"));
        var overall = json.RootElement.GetProperty("overall");
        page.Figure("assignments").ShouldBe(overall.GetProperty("assignments").GetInt32().ToString("N0", CultureInfo.InvariantCulture));
        page.Figure("percentComplete").ShouldBe((overall.GetProperty("percentComplete").GetDouble() / 100).ToString("0.#%", CultureInfo.GetCultureInfo("en")));
        page.Figure("overdue").ShouldBe(overall.GetProperty("overdue").GetInt32().ToString(CultureInfo.InvariantCulture));
        page.Figure("atRisk").ShouldBe(overall.GetProperty("atRisk").GetInt32().ToString(CultureInfo.InvariantCulture));
        foreach (var status in Enum.GetNames<AssignmentStatus>())
            page.Figure(status).ShouldBe(overall.GetProperty("byStatus").GetProperty(status).GetInt32().ToString(CultureInfo.InvariantCulture));

        var dominican = page.QuerySelector("#table-country tr[data-key='DOM']")!;
        dominican.QuerySelector("th")!.TextContent.Trim().ShouldBe("Dominican Republic");
        dominican.QuerySelectorAll("td")[0].TextContent.ShouldBe("2");
    }

    [Fact]
    public async Task Dashboard_EveryChart_HasATextAlternativeAndItsDataTable()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-MEX"], requiresValidation: false);
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.OnHold, 20, requiresValidation: false);
        using var client = await app.BrowserAsync(TestPeople.Viewer);

        var page = await client.GetDocumentAsync($"/reports/{plan.ForumId}");

        var charts = page.QuerySelectorAll("svg[role='img']");
        charts.Select(c => c.Id).ShouldBe(["chart-status", "chart-country", "chart-theme", "chart-gcm", "chart-sdg"]);
        foreach (var chart in charts)
        {
            var labels = chart.GetAttribute("aria-labelledby")!.Split(' ');
            labels.ShouldBe([$"{chart.Id}-title", $"{chart.Id}-desc"]);
            page.GetElementById(labels[0])!.TextContent.ShouldNotBeNullOrWhiteSpace();
            page.GetElementById(labels[1])!.TextContent.ShouldNotBeNullOrWhiteSpace();
            chart.Closest("section")!.QuerySelector("table.report-data caption").ShouldNotBeNull($"{chart.Id} has no data table");
            chart.OuterHtml.ShouldNotContain("style=");
        }

        // Status is a word as well as a colour: each bar is labelled.
        var status = page.GetElementById("chart-status")!;
        status.QuerySelectorAll("text.chart-label").Select(t => t.TextContent).ShouldBe(["Not started", "In progress", "Completed", "On hold", "Cancelled"]);
        status.QuerySelector("rect.status-OnHold").ShouldNotBeNull();
        page.GetElementById("chart-status-desc")!.TextContent.ShouldContain("On hold 1");
        page.QuerySelector("#table-theme tr[data-key='Conceptual framework'] th")!.TextContent.Trim().ShouldBe("Conceptual framework");
        page.QuerySelector("#table-gcm th[scope='row']")!.TextContent.Trim().ShouldBe("GCM objective 1");
        page.QuerySelector("#table-sdg th[scope='row']")!.TextContent.Trim().ShouldBe("SDG target 17.8");

        // A viewer reads, but neither publishes nor sees whether the report is published.
        page.QuerySelector("form[action*='handler=Publish']").ShouldBeNull();
        page.QuerySelector(".report-unpublished").ShouldBeNull();
    }

    [Fact]
    public async Task Matrix_HasOneRowPerMemberStateWithTheCellsStatusesLinksAndEmptyCells()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE", "MIG-MEX", "NSO-MEX", "MIG-BLZ", "UNIV"], ["INM", "MIG-MEX", "UNIV"], requiresValidation: true);
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 60, requiresValidation: true); // awaits validation
        var mexico = new[] { plan.OrganizationIds["MIG-MEX"], plan.OrganizationIds["NSO-MEX"] };
        var (late, lateAssignments) = await app.AddActionPointAsync(plan, $"Z-{PageSteps.Unique()}", Today.AddMonths(-4), Today.AddDays(-3), mexico);
        var code = await app.WithDbAsync(db => db.ActionPoints.Where(a => a.Id == plan.ActionPointId).Select(a => a.Code).SingleAsync());
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/reports/{plan.ForumId}/matrix");

        page.Heading().ShouldBe("Country × action matrix");
        page.QuerySelectorAll(".report-matrix thead th a").Select(a => a.GetAttribute("href"))
            .ShouldBe([$"/action-points/{plan.ActionPointId}", $"/action-points/{late}"]);
        page.QuerySelector(".report-matrix thead th.matrix-action")!.TextContent.Trim().ShouldStartWith(code);
        page.QuerySelector(".report-matrix thead th.matrix-action")!.GetAttribute("title").ShouldBe("Draft a regional glossary");
        var rows = page.QuerySelectorAll(".report-matrix tbody tr");
        rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()).ShouldBe(["Belize BLZ", "Dominican Republic DOM", "Mexico MEX"]);

        var belize = Cells(rows[0]);
        belize.ShouldAllBe(c => c.ClassList.Contains("matrix-empty") && c.TextContent.Trim() == "Not assigned");

        var dominican = Cells(rows[1]);
        var inm = dominican[0].QuerySelector("a.matrix-item")!;
        inm.GetAttribute("href").ShouldBe($"/assignments/{plan.AssignmentIds["INM"]}");
        inm.ClassList.ShouldContain("status-NotStarted"); // the official status until the update is accepted
        inm.QuerySelector(".matrix-status")!.TextContent.ShouldBe("Not started");
        inm.QuerySelector(".matrix-percent")!.TextContent.ShouldBe("0%");
        inm.QuerySelector(".matrix-flag-awaiting").ShouldNotBeNull();
        inm.TextContent.ShouldContain("Awaiting validation");
        dominican[1].ClassList.ShouldContain("matrix-empty");

        var mexican = Cells(rows[2]);
        mexican[0].QuerySelectorAll("a.matrix-item").Select(a => a.GetAttribute("href")).ShouldBe([$"/assignments/{plan.AssignmentIds["MIG-MEX"]}"]);
        var overdue = mexican[1].QuerySelectorAll("a.matrix-item");
        overdue.Select(a => a.GetAttribute("href")).ShouldBe(mexico.Select(o => $"/assignments/{lateAssignments[o]}"), ignoreOrder: true);
        overdue.ShouldAllBe(a => a.QuerySelector(".matrix-flag-overdue") != null);
        overdue.Select(a => a.QuerySelector(".matrix-org")!.TextContent).ShouldBe(["MIG-MEX", "NSO-MEX"]);

        // The legend says what the colours and marks mean.
        page.QuerySelectorAll(".matrix-legend .status").Select(s => s.TextContent).ShouldBe(["Not started", "In progress", "Completed", "On hold", "Cancelled"]);
    }

    [Fact]
    public async Task Filters_StayInTheQueryStringTheViewLinksAndTheExportLinks()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-MEX"]);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        // The filter form is a GET to /reports, which sends the reader on to the chosen page with the filters.
        var sent = await client.GetAsync($"/reports?view=%2Fmatrix&forumId={plan.ForumId}&countryCode=MEX&organizationKind=&theme=Conceptual+framework&gcmObjective=1&sdgTarget=");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var address = sent.Headers.Location!.OriginalString;
        address.ShouldBe($"/reports/{plan.ForumId}/matrix?countryCode=MEX&theme=Conceptual%20framework&gcmObjective=1");

        var page = await client.GetDocumentAsync(address);

        page.QuerySelector<IHtmlSelectElement>("#filter-country")!.Value.ShouldBe("MEX");
        page.QuerySelector<IHtmlSelectElement>("#filter-theme")!.Value.ShouldBe("Conceptual framework");
        page.QuerySelector<IHtmlSelectElement>("#filter-gcm")!.Value.ShouldBe("1");
        page.QuerySelector<IHtmlInputElement>("form.report-filters input[name='view']")!.Value.ShouldBe("/matrix");
        page.QuerySelectorAll(".report-matrix tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ShouldBe(["Mexico MEX"]);
        page.QuerySelector(".report-title-line")!.TextContent.ShouldContain("Country: Mexico; Theme: Conceptual framework; GCM objective: 1");

        var query = "countryCode=MEX&theme=Conceptual%20framework&gcmObjective=1";
        page.QuerySelector("a[href^='/api/reports/regional-status.csv']")!.GetAttribute("href")
            .ShouldBe($"/api/reports/regional-status.csv?forumId={plan.ForumId}&{query}");
        page.QuerySelector("a[href^='/api/reports/regional-status.xlsx']")!.GetAttribute("href")
            .ShouldBe($"/api/reports/regional-status.xlsx?forumId={plan.ForumId}&{query}");
        page.QuerySelectorAll(".report-views a").Select(a => a.GetAttribute("href")).ShouldBe(
        [
            $"/reports/{plan.ForumId}?{query}", $"/reports/{plan.ForumId}/matrix?{query}", $"/reports/{plan.ForumId}/attention?{query}",
            $"/reports/{plan.ForumId}/trend?{query}", $"/reports/{plan.ForumId}/compliance?{query}",
        ]);
        page.QuerySelector("a.btn-link[href]")!.GetAttribute("href").ShouldBe($"/reports/{plan.ForumId}/matrix");

        // A value the form never offers is dropped, like on every list, rather than failing the page.
        var odd = await client.GetAsync($"/reports/{plan.ForumId}?countryCode=XYZ&gcmObjective=99");
        odd.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await odd.ReadDocumentAsync()).QuerySelector<IHtmlSelectElement>("#filter-country")!.Value.ShouldBe("");
    }

    [Fact]
    public async Task Anonymous_ReadsAPublishedReportOnly_AndTheSecretariatPublishesFromTheDashboard()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-MEX"]);
        using var anonymous = app.CreateBrowserlikeClient();
        var paths = new[] { "", "/matrix", "/attention", "/trend", "/compliance", $"/organizations/{plan.OrganizationIds["INM"]}" };

        foreach (var path in paths)
        {
            var response = await anonymous.GetAsync($"/reports/{plan.ForumId}{path}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await response.ReadDocumentAsync()).Heading().ShouldBe("Page not found");
        }

        using var secretariat = await app.BrowserAsync(TestPeople.Secretariat);
        var before = await secretariat.GetDocumentAsync($"/reports/{plan.ForumId}");
        before.QuerySelector(".report-unpublished")!.TextContent.ShouldBe("Not published");

        var published = await secretariat.FollowAsync(await secretariat.PostFormAsync($"/reports/{plan.ForumId}", [], "form[action*='handler=Publish']"));
        published.Notice().ShouldBe("The report is published: anyone can read it without signing in.");
        published.QuerySelector(".report-published")!.TextContent.ShouldBe("Published");
        (await app.WithDbAsync(db => db.Forums.Where(f => f.Id == plan.ForumId).Select(f => f.ReportPublished).SingleAsync())).ShouldBeTrue();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == plan.ForumId && a.Action == "PublishReport"))).ShouldBe(1);

        foreach (var path in paths)
        {
            var response = await anonymous.GetAsync($"/reports/{plan.ForumId}{path}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var page = await response.ReadDocumentAsync();
            // Nothing the public cannot open: no links to assignments or action points, no publication controls.
            page.QuerySelector("main a[href^='/assignments/']").ShouldBeNull(path);
            page.QuerySelector("main a[href^='/action-points/']").ShouldBeNull(path);
            page.QuerySelector("form[method='post'][action*='handler=']").ShouldBeNull(path);
            page.QuerySelector(".report-published").ShouldBeNull(path);
        }

        var anonymousMatrix = await anonymous.GetDocumentAsync($"/reports/{plan.ForumId}/matrix");
        anonymousMatrix.QuerySelectorAll(".report-matrix tbody span.matrix-item").Length.ShouldBe(2);
        // The public finds it among the published reports (or is sent straight to it when it is the only one).
        var list = await anonymous.GetAsync("/reports");
        if (list.StatusCode == HttpStatusCode.Redirect)
            list.Headers.Location!.OriginalString.ShouldBe($"/reports/{plan.ForumId}");
        else
            (await list.ReadDocumentAsync()).QuerySelector($"a[href='/reports/{plan.ForumId}']").ShouldNotBeNull();

        var unpublished = await secretariat.FollowAsync(await secretariat.PostFormAsync($"/reports/{plan.ForumId}", [], "form[action*='handler=Unpublish']"));
        unpublished.Notice().ShouldBe("The report is no longer published: only signed-in people can read it.");
        (await anonymous.GetAsync($"/reports/{plan.ForumId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == plan.ForumId && a.Action == "UnpublishReport"))).ShouldBe(1);
    }

    [Fact]
    public async Task Publishing_ByAViewer_IsRefusedAndNothingChanges()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var viewer = await app.BrowserAsync(TestPeople.Viewer);
        var viewerPage = await viewer.GetDocumentAsync($"/reports/{plan.ForumId}");
        viewerPage.QuerySelector("form[action*='handler=Publish']").ShouldBeNull();
        var viewerToken = viewerPage.QuerySelector<IHtmlInputElement>("form[action='/language'] input[name='__RequestVerificationToken']")!.Value;

        var response = await viewer.PostAsync($"/reports/{plan.ForumId}?handler=Publish",
            new FormUrlEncodedContent([new("__RequestVerificationToken", viewerToken)]));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadDocumentAsync()).Heading().ShouldBe("Not allowed");
        (await app.WithDbAsync(db => db.Forums.Where(f => f.Id == plan.ForumId).Select(f => f.ReportPublished).SingleAsync())).ShouldBeFalse();
    }

    [Fact]
    public async Task Reports_OfAForumTheFocalPointDoesNotTakePartIn_AreNotFound()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.BrowserAsync(TestPeople.FocalMex, "en");

        (await client.GetAsync($"/reports/{plan.ForumId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/reports/{plan.ForumId}/matrix")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var own = await app.BrowserAsync(TestPeople.FocalDom, "en");
        (await own.GetAsync($"/reports/{plan.ForumId}/matrix")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MaliciousNames_AreShownAsText()
    {
        const string script = "<script>alert(1)</script>";
        const string formula = "=HYPERLINK(\"http://x\",\"y\")";
        var organization = await app.CreateOrganizationAsync(script, OrganizationKind.MemberStateInstitution, "PAN");
        var (forumId, _) = await app.CreateForumAsync(formula, organization);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        foreach (var path in new[] { "", "/matrix", $"/organizations/{organization}" })
        {
            var response = await client.GetAsync($"/reports/{forumId}{path}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldNotContain("<script>alert", Case.Insensitive, path);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"), path);
        }

        var dashboard = await client.GetDocumentAsync($"/reports/{forumId}");
        dashboard.QuerySelector($"#table-organization tr[data-key='{organization}'] th")!.TextContent.Trim().ShouldBe(script);
        dashboard.QuerySelector("#table-theme th[scope='row']")!.TextContent.Trim().ShouldBe(formula);
        dashboard.QuerySelector<IHtmlSelectElement>("#filter-theme")!.Options.Select(o => o.Text).ShouldContain(formula);
        dashboard.GetElementById("chart-theme")!.QuerySelector("text.chart-label")!.TextContent.ShouldBe(formula);
        var scorecard = await client.GetDocumentAsync($"/reports/{forumId}/organizations/{organization}");
        scorecard.Heading().ShouldBe($"Scorecard: {script}");
    }

    [Fact]
    public async Task Scorecard_ShowsTheOrganizationsFiguresAndAssignments_AndIsNotFoundForAnOrganizationOutsideTheForum()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE"], ["INM", "ONE"], requiresValidation: false);
        var inm = plan.OrganizationIds["INM"];
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 30, requiresValidation: false);
        var (late, lateAssignments) = await app.AddActionPointAsync(plan, $"S-{PageSteps.Unique()}", Today.AddMonths(-3), Today.AddDays(-1), inm);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/reports/{plan.ForumId}/organizations/{inm}");

        page.Heading().ShouldBe("Scorecard: National Migration Institute of the Dominican Republic");
        page.Figure("assignments").ShouldBe("2");
        page.Figure("percentComplete").ShouldBe("15%");
        page.Figure("overdue").ShouldBe("1");
        var rows = page.QuerySelectorAll("table.report-assignments tbody tr");
        rows.Select(r => r.GetAttribute("data-assignment")).ShouldBe([plan.AssignmentIds["INM"].ToString(), lateAssignments[inm].ToString()], ignoreOrder: true);
        rows.Single(r => r.GetAttribute("data-assignment") == lateAssignments[inm].ToString()).QuerySelector(".flag-overdue").ShouldNotBeNull();
        page.QuerySelector($"#table-organization").ShouldBeNull();
        late.ShouldNotBe(Guid.Empty);

        var outsider = await app.OrganizationIdAsync("MIG-GTM");
        (await client.GetAsync($"/reports/{plan.ForumId}/organizations/{outsider}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The dashboard's organization table leads to the scorecards, with the filters.
        var dashboard = await client.GetDocumentAsync($"/reports/{plan.ForumId}?countryCode=DOM");
        dashboard.QuerySelector($"#table-organization a[href='/reports/{plan.ForumId}/organizations/{inm}?countryCode=DOM']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Attention_ListsOverdueAndAtRiskAssignments()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE"], ["INM"], requiresValidation: false);
        var (_, overdue) = await app.AddActionPointAsync(plan, $"O-{PageSteps.Unique()}", Today.AddMonths(-3), Today.AddDays(-2), plan.OrganizationIds["ONE"]);
        var (_, atRisk) = await app.AddActionPointAsync(plan, $"A-{PageSteps.Unique()}", Today.AddMonths(-3), Today.AddDays(10), plan.OrganizationIds["INM"]);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/reports/{plan.ForumId}/attention");

        page.Heading().ShouldBe("Overdue and at risk");
        page.QuerySelector("#overdue-heading")!.ParentElement!.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-assignment"))
            .ShouldBe([overdue.Values.Single().ToString()]);
        page.QuerySelector("#at-risk-heading")!.ParentElement!.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-assignment"))
            .ShouldBe([atRisk.Values.Single().ToString()]);
        page.QuerySelector($"a[href='/assignments/{overdue.Values.Single()}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task TrendAndCompliance_ShowTheClosedCycles_OrSayThatNoneHasClosed()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-MEX"], requiresValidation: false);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        (await client.GetDocumentAsync($"/reports/{plan.ForumId}/trend")).QuerySelector(".empty-state")!.TextContent.ShouldContain("No review cycle has closed yet");
        (await client.GetDocumentAsync($"/reports/{plan.ForumId}/compliance")).QuerySelector(".empty-state").ShouldNotBeNull();

        await app.CloseCycleAsync(plan.ForumId, "First quarter");

        var trend = await client.GetDocumentAsync($"/reports/{plan.ForumId}/trend");
        trend.Heading().ShouldBe("Trend across review cycles");
        var chart = trend.GetElementById("chart-trend")!;
        chart.GetAttribute("role").ShouldBe("img");
        trend.GetElementById("chart-trend-desc")!.TextContent.ShouldContain("First quarter 0%");
        var point = trend.QuerySelectorAll("#table-trend tbody tr").ShouldHaveSingleItem();
        point.QuerySelector("th")!.TextContent.ShouldBe("First quarter");
        point.QuerySelectorAll("td")[2].TextContent.ShouldBe("2"); // assignments
        point.QuerySelectorAll("td")[^1].TextContent.ShouldBe("2"); // not reported

        var compliance = await client.GetDocumentAsync($"/reports/{plan.ForumId}/compliance");
        compliance.Heading().ShouldBe("Reporting compliance");
        compliance.QuerySelectorAll(".report-compliance thead th").Select(t => t.TextContent.Trim()).ShouldContain(h => h.StartsWith("First quarter", StringComparison.Ordinal));
        var rows = compliance.QuerySelectorAll(".report-compliance tbody tr");
        rows.Select(r => r.GetAttribute("data-organization")).ShouldBe(
            [plan.OrganizationIds["INM"].ToString(), plan.OrganizationIds["MIG-MEX"].ToString()]);
        rows.ShouldAllBe(r => r.QuerySelector(".compliance-missing .compliance-verdict")!.TextContent == "Missing");
        rows[0].QuerySelector(".compliance-cell")!.TextContent.ShouldContain("0 on time · 0 late · 1 missing");
    }

    [Fact]
    public async Task Compliance_WithAnOpenCycle_ShowsItSoFar_NotYetForWhoHasNotReported_AndThePublicSeesAcceptedUpdatesOnly()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE", "MIG-MEX", "NSO-MEX"], ["INM", "ONE", "MIG-MEX", "NSO-MEX"], requiresValidation: true);
        await app.CloseCycleAsync(plan.ForumId, "First quarter");
        var deadline = Today.AddDays(-1);
        var open = await app.CreateCycleAsync(plan.ForumId, Today.AddDays(-20), deadline, open: true, name: "Second quarter");
        var beforeDeadline = deadline.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        // INM reported by the deadline (accepted); ONE by the deadline too, still awaiting validation; MIG-MEX after the
        // deadline (accepted); NSO-MEX not yet.
        await app.ReportAsync(plan.AssignmentIds["INM"], open, beforeDeadline);
        await app.ReportAsync(plan.AssignmentIds["ONE"], open, beforeDeadline, awaitValidation: true);
        await app.ReportAsync(plan.AssignmentIds["MIG-MEX"], open, DateTime.UtcNow);
        using var secretariat = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await secretariat.GetDocumentAsync($"/reports/{plan.ForumId}/compliance");

        var headers = page.QuerySelectorAll(".report-compliance thead th").Skip(2).Select(h => h.TextContent.Trim()).ToList();
        headers[0].ShouldStartWith("First quarter");
        headers[0].ShouldNotContain("so far");
        headers[1].ShouldStartWith("Second quarter");
        headers[1].ShouldContain("In progress: so far");
        var cells = page.CompliancePerOrganization(plan);
        // The closed cycle keeps its frozen figures: nobody had reported in it when it closed.
        cells.Values.Select(c => c[0]).ShouldAllBe(c => c.Verdict == "Missing" && c.Counts == "0 on time · 0 late · 1 missing");
        cells["INM"][1].ShouldBe(("On time", "1 on time · 0 late · 0 not yet"));
        cells["ONE"][1].ShouldBe(("On time", "1 on time · 0 late · 0 not yet")); // the secretariat counts every submitted update
        cells["MIG-MEX"][1].ShouldBe(("Late", "0 on time · 1 late · 0 not yet"));
        cells["NSO-MEX"][1].ShouldBe(("Not yet", "0 on time · 0 late · 1 not yet"));

        // Read without sign-in once published: an update awaiting validation is not shown, so ONE has not reported yet.
        await app.SetPublishedAsync(plan.ForumId, published: true);
        using var anonymous = app.CreateBrowserlikeClient();
        var published = (await anonymous.GetDocumentAsync($"/reports/{plan.ForumId}/compliance")).CompliancePerOrganization(plan);
        published["INM"][1].ShouldBe(("On time", "1 on time · 0 late · 0 not yet"));
        published["ONE"][1].ShouldBe(("Not yet", "0 on time · 0 late · 1 not yet"));
        published["MIG-MEX"][1].ShouldBe(("Late", "0 on time · 1 late · 0 not yet"));
        published["NSO-MEX"][1].ShouldBe(("Not yet", "0 on time · 0 late · 1 not yet"));

        // In Spanish, "not yet" is not "missing".
        using var spanish = await app.BrowserAsync(TestPeople.Secretariat, "es");
        var es = (await spanish.GetDocumentAsync($"/reports/{plan.ForumId}/compliance")).CompliancePerOrganization(plan);
        es["NSO-MEX"][1].ShouldBe(("Todavía no", "0 a tiempo · 0 con retraso · 1 todavía no"));
    }

    [Fact]
    public async Task ReportsIndex_ListsTheReadableForums_AndOpensTheOnlyOneAtOnce()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await app.BrowserAsync(TestPeople.Secretariat);

        var index = await secretariat.GetDocumentAsync("/reports");

        index.Heading().ShouldBe("Reports");
        index.QuerySelector($".report-forums a[href='/reports/{plan.ForumId}']").ShouldNotBeNull();

        // A focal point of an organization in a single forum lands on that forum's dashboard.
        var lone = await app.CreateOrganizationAsync("Lone institute", OrganizationKind.MemberStateInstitution, "CRI");
        var person = await app.CreatePersonAsync("FocalPoint", lone);
        var (forumId, _) = await app.CreateForumAsync("Registers", lone);
        using var focal = await app.BrowserAsync(person.Email!, "en", TestPeople.Password);
        var response = await focal.GetAsync("/reports");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/reports/{forumId}");
    }

    [Theory]
    [InlineData("", "Tablero regional")]
    [InlineData("/matrix", "Matriz país × acción")]
    [InlineData("/attention", "Vencidas y en riesgo")]
    [InlineData("/trend", "Tendencia a lo largo de los ciclos de revisión")]
    [InlineData("/compliance", "Cumplimiento de los informes")]
    public async Task Pages_InSpanish_HaveSpanishHeadings(string path, string heading)
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-MEX"]);
        using var client = await app.BrowserAsync(TestPeople.Secretariat, "es");

        var page = await client.GetDocumentAsync($"/reports/{plan.ForumId}{path}");

        page.Heading().ShouldBe(heading);
        page.QuerySelector("label[for='filter-country']")!.TextContent.ShouldBe("País");
        page.QuerySelector(".report-views a[aria-current='page']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Dashboard_InSpanish_WritesNumbersAndCountriesInSpanish()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE", "MIG-MEX"], ["INM", "ONE", "MIG-MEX"], requiresValidation: false);
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 40, requiresValidation: false);
        using var client = await app.BrowserAsync(TestPeople.Secretariat, "es");

        var page = await client.GetDocumentAsync($"/reports/{plan.ForumId}");

        page.Figure("percentComplete").ShouldBe("13,3%");
        page.QuerySelector("#table-country tr[data-key='MEX'] th")!.TextContent.Trim().ShouldBe("México");
        page.QuerySelector("#status-heading")!.TextContent.ShouldBe("Distribución por estado");
    }

    private static IReadOnlyList<IElement> Cells(IElement row) => [.. row.QuerySelectorAll("td")];
}

public sealed class ReportPagesTestsOnSqlite(SqliteApp app) : ReportPagesTests<SqliteApp>(app);

public sealed class ReportPagesTestsOnPostgreSql(PostgreSqlApp app) : ReportPagesTests<PostgreSqlApp>(app);
