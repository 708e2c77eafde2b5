using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Tests.ActionPoints;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Forums;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Forums.PageSteps;

namespace Coordination.Web.Tests.Pages.ActionPoints;

public abstract class ActionPointPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private static readonly string[] DemoCodes = [.. Enumerable.Range(1, 11).Select(n => $"RF22-{n:00}")];

    [Fact]
    public async Task List_OfTheDemoForum_ShowsItsElevenActionPointsWithACount()
    {
        var forumId = await app.DemoForumIdAsync();
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/action-points?forum={forumId}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Action points");
        page.QuerySelector(".list-count")!.TextContent.ShouldBe("11 action points");
        Codes(page).ShouldBe(DemoCodes);
        page.QuerySelector<IHtmlSelectElement>("#filter-forum")!.Value.ShouldBe(forumId.ToString());
        page.QuerySelectorAll("#filter-conclusion option").Length.ShouldBe(9); // "all" and the eight conclusions
        page.QuerySelector("main a[href^='/action-points/new']").ShouldNotBeNull();
    }

    [Fact]
    public async Task List_Filters_NarrowTheListAndShowAnEmptyStateWhenNothingMatches()
    {
        var forumId = await app.DemoForumIdAsync();
        var one = await app.OrganizationIdAsync("ONE");
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var overdue = await client.GetDocumentAsync($"/action-points?forum={forumId}&overdue=true");
        Codes(overdue).ShouldContain("RF22-04");
        Codes(overdue).ShouldNotContain("RF22-07");
        Codes(overdue).ShouldNotContain("RF22-01"); // completed everywhere
        overdue.QuerySelector<IHtmlSelectElement>("#filter-overdue")!.Value.ShouldBe("true");

        var nicaraguaOnHold = await client.GetDocumentAsync($"/action-points?forum={forumId}&country=NIC&status=OnHold");
        Codes(nicaraguaOnHold).ShouldBe(["RF22-02", "RF22-03", "RF22-04", "RF22-05", "RF22-06"]);

        var statisticsOffice = await client.GetDocumentAsync($"/action-points?forum={forumId}&organization={one}");
        Codes(statisticsOffice).ShouldBe(["RF22-01", "RF22-02", "RF22-03", "RF22-05", "RF22-10"]);

        var conclusion8 = await app.WithDbAsync(db => db.Conclusions.Where(c => c.ForumId == forumId && c.Number == 8).Select(c => c.Id).SingleAsync());
        Codes(await client.GetDocumentAsync($"/action-points?forum={forumId}&conclusion={conclusion8}")).ShouldBe(["RF22-10", "RF22-11"]);

        var none = await client.GetDocumentAsync($"/action-points?forum={forumId}&country=NIC&status=Cancelled");
        none.QuerySelector(".list-count")!.TextContent.ShouldBe("0 action points");
        none.QuerySelector(".empty-state")!.TextContent.ShouldContain("No action point matches these filters");
        none.QuerySelector("main a[href='/action-points']")!.TextContent.ShouldBe("Clear the filters");
    }

    [Fact]
    public async Task List_Paging_KeepsTheFilters()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var inm = plan.OrganizationIds["INM"];
        var today = ActionPointArrange.Today;
        for (var n = 1; n <= 26; n++)
            await app.AddActionPointAsync(plan, $"P-{n:00}", today.AddMonths(-2), today.AddMonths(3), inm);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var first = await client.GetDocumentAsync($"/action-points?forum={plan.ForumId}&organization={inm}");

        first.QuerySelector(".list-count")!.TextContent.ShouldBe("27 action points");
        Codes(first).Count.ShouldBe(25);
        var next = first.QuerySelectorAll("nav .pagination a").Single(a => a.TextContent == "Next").GetAttribute("href")!;
        next.ShouldContain($"forum={plan.ForumId}");
        next.ShouldContain($"organization={inm}");
        next.ShouldContain("page=2");
        var second = await client.GetDocumentAsync(next);
        Codes(second).Count.ShouldBe(2);
        second.QuerySelector(".list-count")!.TextContent.ShouldBe("27 action points");
        second.QuerySelector<IHtmlSelectElement>("#filter-organization")!.Value.ShouldBe(inm.ToString());
    }

    [Fact]
    public async Task Details_OfADemoActionPoint_ShowsKeyFactsAndEveryAssignmentWithItsStatusWords()
    {
        var forumId = await app.DemoForumIdAsync();
        var id = await app.ActionPointIdAsync(forumId, "RF22-04");
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/action-points/{id}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("RF22-04 · Record migration status in administrative registers of entries and exits");
        page.QuerySelectorAll("h1 + div .badge").Select(b => b.TextContent).ShouldContain("High priority");
        page.QuerySelector("h1 + div .flag-overdue").ShouldNotBeNull();
        var facts = page.QuerySelector("dl.key-facts")!;
        facts.QuerySelectorAll("dt").Select(d => d.TextContent).ShouldBe(["Conclusion", "Priority", "Start date", "Due date", "Indicator"]);
        facts.TextContent.ShouldContain("Conclusion 2: Data-collection instruments");
        facts.QuerySelector("time")!.GetAttribute("datetime")!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        var rows = page.QuerySelectorAll("table.assignments tbody tr");
        rows.Length.ShouldBe(9);
        var dominican = rows.Single(r => r.TextContent.Contains("National Migration Institute of the Dominican Republic"));
        dominican.QuerySelector(".status")!.TextContent.ShouldBe("In progress");
        dominican.QuerySelector("td.number")!.TextContent.ShouldBe("60%");
        dominican.QuerySelector(".flag-overdue")!.TextContent.ShouldBe("Overdue");
        dominican.QuerySelectorAll("td")[1].TextContent.ShouldBe("Dominican Republic");
        dominican.QuerySelectorAll("td")[2].TextContent.ShouldBe("Lead");
        rows.Single(r => r.TextContent.Contains("of Nicaragua")).QuerySelector(".status")!.TextContent.ShouldBe("On hold");
        rows.Single(r => r.TextContent.Contains("of Mexico")).QuerySelector(".status")!.TextContent.ShouldBe("Completed");
        var open = dominican.QuerySelector("a[href^='/assignments/']")!.GetAttribute("href")!;
        open.ShouldMatch(@"^/assignments/[0-9a-f-]{36}$");
        dominican.QuerySelector($"a[href='{open}/cancel']").ShouldNotBeNull();
        page.QuerySelector("#history-heading").ShouldNotBeNull();
        page.QuerySelector($"a[href='/action-points/{id}/edit']").ShouldNotBeNull();
        page.QuerySelector($"a[href='/action-points/{id}/assign']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Secretariat_CreatesAForumConclusionAndActionPoint_AndAssignsItToEveryMemberStateInstitution()
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var acronym in new[] { "INM", "ONE", "MIG-MEX", "UNIV", "CSO" })
            ids[acronym] = await app.OrganizationIdAsync(acronym);
        var title = $"Scenario forum {Unique()}";
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var forumPage = await client.FollowAsync(await client.PostFormAsync("/forums/new",
        [
            ("Input.Title", title), ("Input.Place", "Guatemala City"), ("Input.StartDate", "2026-02-10"), ("Input.EndDate", "2026-02-11"),
            ("Input.RequiresValidation", "true"), ("Input.ParticipantIds", ids["INM"].ToString()), ("Input.ParticipantIds", ids["ONE"].ToString()),
            ("Input.ParticipantIds", ids["MIG-MEX"].ToString()), ("Input.ParticipantIds", ids["UNIV"].ToString()),
        ]));
        var forumId = Guid.Parse(forumPage.QuerySelector("a[href$='/conclusions/new']")!.GetAttribute("href")!.Split('/')[2]);
        forumPage.QuerySelector($"a[href='/action-points/new?forumId={forumId}']").ShouldBeNull(); // no conclusion yet

        await client.FollowAsync(await client.PostFormAsync($"/forums/{forumId}/conclusions/new",
            [("Input.Number", "1"), ("Input.Theme", "Registers"), ("Input.Text", "Improve administrative registers."), ("Input.GcmObjectives", "1")]));
        var conclusionId = await app.WithDbAsync(db => db.Conclusions.Where(c => c.ForumId == forumId).Select(c => c.Id).SingleAsync());

        var create = $"/action-points/new?conclusionId={conclusionId}";
        var form = await client.GetDocumentAsync(create);
        form.QuerySelector<IHtmlSelectElement>("select[name='Input.ConclusionId']")!.Value.ShouldBe(conclusionId.ToString());
        var details = await client.FollowAsync(await client.PostFormAsync(create,
        [
            ("Input.ConclusionId", conclusionId.ToString()), ("Input.Code", "SC-01"), ("Input.Title", "Publish register statistics"),
            ("Input.Priority", "High"), ("Input.StartDate", "2026-03-01"), ("Input.DueDate", "2026-12-31"),
            ("Input.Indicator.Baseline", "1"), ("Input.Indicator.Target", "2.5"), ("Input.Indicator.Unit", "reports"),
        ]));
        details.QuerySelector("h1")!.TextContent.ShouldBe("SC-01 · Publish register statistics");
        details.Notice().ShouldContain("Action point SC-01 was created.");
        details.QuerySelector("dl.key-facts")!.TextContent.ShouldContain("Target 2.5");
        details.QuerySelector(".empty-state")!.TextContent.ShouldContain("not assigned yet");
        var actionPointId = await app.ActionPointIdAsync(forumId, "SC-01");
        var indicator = await app.WithDbAsync(db => db.ActionPoints.Where(a => a.Id == actionPointId).Select(a => a.Indicator).SingleAsync());
        indicator!.Target.ShouldBe(2.5m);

        var assign = $"/action-points/{actionPointId}/assign";
        var assignPage = await client.GetDocumentAsync(assign);
        assignPage.QuerySelector("#assign-all-heading")!.ParentElement!.TextContent.ShouldContain("3 member-state institutions take part in this forum; 0 of them are already assigned.");
        var all = await client.FollowAsync(await client.PostFormAsync(assign, [("All.Role", "Lead")], "form[action*='handler=All']"));
        all.Notice().ShouldBe("3 organizations were assigned.");
        all.QuerySelectorAll("table.assignments tbody tr").Length.ShouldBe(3);

        var one = await client.FollowAsync(await client.PostFormAsync(assign,
            [("One.OrganizationId", ids["CSO"].ToString()), ("One.Role", "Supporting"), ("One.DueDate", "2026-10-31")], "form[action*='handler=One']"));
        one.Notice().ShouldBe("Civil-society network for migrants' rights was assigned action point SC-01.");
        var cso = one.QuerySelectorAll("table.assignments tbody tr").Single(r => r.TextContent.Contains("Civil-society network"));
        cso.QuerySelectorAll("td")[2].TextContent.ShouldBe("Supporting");
        cso.QuerySelector("time")!.GetAttribute("datetime").ShouldBe("2026-10-31");

        var several = await client.FollowAsync(await client.PostFormAsync(assign,
            [("Several.OrganizationIds", ids["UNIV"].ToString()), ("Several.Role", "Supporting")], "form[action*='handler=Several']"));
        several.Notice().ShouldBe("1 organization was assigned.");

        // Everyone is assigned now, so the page no longer offers the step; posting it anyway skips them all.
        var fields = await HiddenFieldsAsync(client, assign, "form[action*='handler=Several']");
        fields["All.Role"] = "Lead";
        var again = await client.FollowAsync(await client.PostAsync(assign + "?handler=All", new FormUrlEncodedContent(fields)));
        again.Notice().ShouldStartWith("No organization was assigned. Skipped:");
        again.Notice().ShouldContain("National Migration Institute of the Dominican Republic (Already assigned)");

        var assignments = await app.WithDbAsync(db => db.Assignments.AsNoTracking().Where(a => a.ActionPointId == actionPointId).ToListAsync());
        assignments.Select(a => a.OrganizationId).ShouldBe([ids["INM"], ids["ONE"], ids["MIG-MEX"], ids["CSO"], ids["UNIV"]], ignoreOrder: true);
        assignments.Single(a => a.OrganizationId == ids["CSO"]).Role.ShouldBe(AssignmentRole.Supporting);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "BulkAssignActionPoint" && a.EntityType == "Assignment"
            && assignments.Select(x => x.Id).Contains(a.EntityId)))).ShouldBe(4);
    }

    [Fact]
    public async Task Assign_WithNothingChosen_ShowsTheMessageBesideTheFieldAndAssignsNobody()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE"], []);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var assign = $"/action-points/{plan.ActionPointId}/assign";

        var one = await client.PostFormAsync(assign, [("One.Role", "Lead")], "form[action*='handler=One']");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await one.ReadDocumentAsync()).FieldError("One.OrganizationId").ShouldBe("Choose an organization.");

        var several = await client.PostFormAsync(assign, [("Several.Role", "Lead")], "form[action*='handler=Several']");
        (await several.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Several.OrganizationIds']")!.TextContent.ShouldBe("Choose at least one organization.");

        var early = await client.PostFormAsync(assign,
            [("One.OrganizationId", plan.OrganizationIds["INM"].ToString()), ("One.Role", "Lead"), ("One.DueDate", "2000-01-01")], "form[action*='handler=One']");
        (await early.ReadDocumentAsync()).FieldError("One.DueDate")!.ShouldStartWith("The due date cannot be before the action point's start date");

        (await app.WithDbAsync(db => db.Assignments.AnyAsync(a => a.ActionPointId == plan.ActionPointId))).ShouldBeFalse();
    }

    [Fact]
    public async Task ActionPointForm_WithInvalidFields_ShowsTheMessagesBesideThemAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var create = $"/action-points/new?forumId={plan.ForumId}";

        var empty = await client.PostFormAsync(create, [("Input.ConclusionId", ""), ("Input.Code", ""), ("Input.Title", ""), ("Input.StartDate", "")]);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await empty.ReadDocumentAsync();
        page.FieldError("Input.ConclusionId").ShouldBe("Choose the conclusion this action point derives from.");
        page.FieldError("Input.Code").ShouldBe("Enter a code, e.g. RF22-12.");
        page.FieldError("Input.Title").ShouldBe("Enter the title.");
        page.FieldError("Input.DueDate").ShouldBe("Enter the due date.");

        var wrong = await client.PostFormAsync(create,
        [
            ("Input.ConclusionId", plan.ConclusionId.ToString()), ("Input.Code", "BAD-01"), ("Input.Title", "Backwards"), ("Input.Priority", "Low"),
            ("Input.StartDate", "2026-06-01"), ("Input.DueDate", "2026-01-01"), ("Input.Indicator.Baseline", "3"),
        ]);
        var wrongPage = await wrong.ReadDocumentAsync();
        wrongPage.FieldError("Input.DueDate").ShouldBe("The due date cannot be before the start date.");
        wrongPage.FieldError("Input.Indicator.Target").ShouldBe("An indicator needs a target.");
        wrongPage.QuerySelector<IHtmlInputElement>("input[name='Input.Code']")!.Value.ShouldBe("BAD-01"); // what was typed stays

        var notANumber = await client.PostFormAsync(create,
        [
            ("Input.ConclusionId", plan.ConclusionId.ToString()), ("Input.Code", "BAD-02"), ("Input.Title", "Words"), ("Input.Priority", "Low"),
            ("Input.StartDate", "2026-01-01"), ("Input.DueDate", "2026-06-01"), ("Input.Indicator.Target", "nine"),
        ]);
        (await notANumber.ReadDocumentAsync()).FieldError("Input.Indicator.Target").ShouldBe("Enter a number, e.g. 9 or 2.5.");

        (await app.WithDbAsync(db => db.ActionPoints.AnyAsync(a => a.ForumId == plan.ForumId && a.Code.StartsWith("BAD")))).ShouldBeFalse();
    }

    [Fact]
    public async Task Edit_ThroughTheForm_ShowsTheChangeInTheTimelineWithWhoAndWhen()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], startDate: new DateOnly(2026, 1, 1), dueDate: new DateOnly(2026, 12, 31));
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var edit = $"/action-points/{plan.ActionPointId}/edit";
        var form = await client.GetDocumentAsync(edit);
        form.QuerySelector<IHtmlInputElement>("input[name='Input.DueDate']")!.Value.ShouldBe("2026-12-31");
        form.QuerySelector<IHtmlSelectElement>("select[name='Input.Priority']")!.Value.ShouldBe("High");
        var code = form.QuerySelector<IHtmlInputElement>("input[name='Input.Code']")!.Value;

        var saved = await client.FollowAsync(await client.PostFormAsync(edit,
        [
            ("Input.ConclusionId", plan.ConclusionId.ToString()), ("Input.Code", code), ("Input.Title", "Draft a regional glossary"),
            ("Input.Priority", "High"), ("Input.StartDate", "2026-01-01"), ("Input.DueDate", "2027-03-31"),
        ]));

        saved.Notice().ShouldBe($"Action point {code} was saved.");
        var newest = saved.QuerySelector(".audit-timeline > li")!;
        newest.QuerySelector(".audit-who")!.TextContent.ShouldBe("Regional secretariat officer");
        newest.QuerySelector(".audit-what")!.TextContent.ShouldBe("Updated");
        newest.QuerySelector(".audit-changes")!.TextContent.ShouldBe("Due date: 2026-12-31 → 2027-03-31");
        newest.QuerySelector("time")!.GetAttribute("datetime").ShouldNotBeNullOrEmpty();
        saved.QuerySelectorAll(".audit-timeline > li").Last().QuerySelector(".audit-what")!.TextContent.ShouldBe("Created the action point");

        var stale = await client.PostFormAsync(edit,
        [
            ("Input.ConclusionId", plan.ConclusionId.ToString()), ("Input.Code", code), ("Input.Title", "Older title"),
            ("Input.Priority", "Low"), ("Input.StartDate", "2026-01-01"), ("Input.DueDate", "2026-12-31"), ("Input.Version", "0"),
        ]);
        (await stale.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent
            .ShouldContain("This action point was changed by someone else since you opened it.");
        (await app.WithDbAsync(db => db.ActionPoints.Where(a => a.Id == plan.ActionPointId).Select(a => a.DueDate).SingleAsync()))
            .ShouldBe(new DateOnly(2027, 3, 31));
    }

    [Fact]
    public async Task CancelAssignment_AsksFirstThenCancelsAndReturnsToTheActionPoint()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE"], ["INM", "ONE"]);
        var assignmentId = plan.AssignmentIds["ONE"];
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var cancel = $"/assignments/{assignmentId}/cancel";

        var confirm = await client.GetDocumentAsync(cancel);
        confirm.QuerySelector("h1")!.TextContent.ShouldStartWith("Cancel the assignment of T-");
        confirm.QuerySelector("main")!.TextContent.ShouldContain("Are you sure?");
        confirm.QuerySelector($"main a[href='/action-points/{plan.ActionPointId}']")!.TextContent.ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Status).SingleAsync()))
            .ShouldBe(AssignmentStatus.NotStarted); // asking changes nothing

        var response = await client.PostFormAsync(cancel, []);
        response.Headers.Location!.OriginalString.ShouldBe($"/action-points/{plan.ActionPointId}");
        var details = await client.FollowAsync(response);
        details.Notice().ShouldContain("was cancelled");
        var row = details.QuerySelectorAll("table.assignments tbody tr").Single(r => r.TextContent.Contains("National Statistics Office of the Dominican Republic"));
        row.QuerySelector(".status")!.TextContent.ShouldBe("Cancelled");
        row.QuerySelector("a[href$='/cancel']").ShouldBeNull();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == assignmentId && a.Action == "CancelAssignment"))).ShouldBeTrue();

        var again = await client.PostFormAsync(cancel, []);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("cannot be cancelled again");
    }

    [Fact]
    public async Task FocalPoint_GetsTheNotAllowedPageOnTheSecretariatsPagesAndSeesNoEditButtons()
    {
        var forumId = await app.DemoForumIdAsync();
        var id = await app.ActionPointIdAsync(forumId, "RF22-10");
        var mex = await app.OrganizationIdAsync("MIG-MEX");
        var assignmentId = await app.WithDbAsync(db => db.Assignments.Where(a => a.ActionPointId == id && a.OrganizationId == mex).Select(a => a.Id).SingleAsync());
        using var client = await app.BrowserAsync(TestPeople.FocalMex);

        foreach (var url in new[] { "/action-points/new", $"/action-points/new?forumId={forumId}", $"/action-points/{id}/edit", $"/action-points/{id}/assign", $"/assignments/{assignmentId}/cancel" })
        {
            var refused = await client.GetAsync(url);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await refused.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Not allowed");
        }

        var details = await client.GetDocumentAsync($"/action-points/{id}");
        details.QuerySelector("h1")!.TextContent.ShouldStartWith("RF22-10");
        details.QuerySelectorAll("table.assignments tbody tr").Length.ShouldBe(3);
        details.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "")
            .ShouldAllBe(href => !href.EndsWith("/edit") && !href.EndsWith("/assign") && !href.EndsWith("/cancel"));
        details.QuerySelector("#history-heading").ShouldBeNull();
        var list = await client.GetDocumentAsync("/action-points");
        list.QuerySelector("main a[href^='/action-points/new']").ShouldBeNull();

        var token = list.QuerySelector<IHtmlInputElement>("form[action='/language'] input[name='__RequestVerificationToken']")!.Value;
        var post = await client.PostAsync($"/assignments/{assignmentId}/cancel",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Status).SingleAsync()))
            .ShouldNotBe(AssignmentStatus.Cancelled);
    }

    [Fact]
    public async Task FocalPoint_OfAnOrganizationOutsideTheForum_GetsTheNotFoundPageOnItsUrls()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.BrowserAsync(TestPeople.FocalMex);

        foreach (var url in new[]
                 {
                     $"/action-points/{plan.ActionPointId}", $"/action-points/{plan.ActionPointId}/edit", $"/action-points/{plan.ActionPointId}/assign",
                     $"/assignments/{plan.AssignmentIds["INM"]}/cancel", $"/action-points?forum={plan.ForumId}", $"/action-points/new?conclusionId={plan.ConclusionId}",
                 })
        {
            var response = await client.GetAsync(url);
            if (url.StartsWith("/action-points/new", StringComparison.Ordinal))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url); // creating is refused to every focal point first
                continue;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
        }
    }

    [Fact]
    public async Task Pages_InSpanish_HaveSpanishHeadingsAndStatusWords()
    {
        var forumId = await app.DemoForumIdAsync();
        var id = await app.ActionPointIdAsync(forumId, "RF22-04");
        using var client = await app.BrowserAsync(TestPeople.FocalDom, "es");

        var list = await client.GetDocumentAsync($"/action-points?forum={forumId}");
        list.QuerySelector("h1")!.TextContent.ShouldBe("Puntos de acción");
        list.QuerySelector(".list-count")!.TextContent.ShouldBe("11 puntos de acción");
        list.QuerySelector("label[for='filter-country']")!.TextContent.ShouldBe("País");

        var details = await client.GetDocumentAsync($"/action-points/{id}");
        details.QuerySelector("#assignments-heading")!.TextContent.ShouldBe("Asignaciones");
        details.QuerySelector("dl.key-facts dt")!.TextContent.ShouldBe("Conclusión");
        var dominican = details.QuerySelectorAll("table.assignments tbody tr").Single(r => r.TextContent.Contains("República Dominicana"));
        dominican.QuerySelector(".status")!.TextContent.ShouldBe("En curso");
        dominican.QuerySelector("td.number")!.TextContent.Replace('\u00a0', ' ').ShouldBe("60 %");

        using var secretariat = await app.BrowserAsync(TestPeople.Secretariat, "es");
        (await secretariat.GetDocumentAsync($"/action-points/{id}/assign")).QuerySelector("h1")!.TextContent.ShouldBe("Asignar RF22-04");
        (await secretariat.GetDocumentAsync($"/action-points/new?forumId={forumId}")).QuerySelector("h1")!.TextContent.ShouldBe("Nuevo punto de acción");
        var cancel = await secretariat.GetDocumentAsync(details.QuerySelector("table.assignments a[href^='/assignments/']")!.GetAttribute("href") + "/cancel");
        cancel.QuerySelector("h1")!.TextContent.ShouldStartWith("¿Cancelar la asignación de RF22-04");
    }

    private static List<string> Codes(IDocument page) =>
        [.. page.QuerySelectorAll("main table tbody tr td:first-child a").Select(a => a.TextContent)];

    private static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string url, string formSelector) =>
        (await client.GetDocumentAsync(url)).QuerySelector(formSelector)!.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']")
            .ToDictionary(i => i.Name!, i => i.Value);
}

public sealed class ActionPointPagesTestsOnSqlite(SqliteApp app) : ActionPointPagesTests<SqliteApp>(app);

public sealed class ActionPointPagesTestsOnPostgreSql(PostgreSqlApp app) : ActionPointPagesTests<PostgreSqlApp>(app);
