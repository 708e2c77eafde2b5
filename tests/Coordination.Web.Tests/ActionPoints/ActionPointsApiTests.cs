using System.Net;
using System.Net.Http.Json;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.ActionPoints;

public abstract class ActionPointsApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private static object NewActionPoint(Guid conclusionId, string code = "RF22-04", object? indicator = null) => new
    {
        conclusionId,
        code,
        title = "Harmonize migration statistics definitions",
        description = "A regional glossary of the terms used in migration statistics.",
        priority = "High",
        startDate = "2026-01-15",
        dueDate = "2026-12-31",
        indicator,
    };

    [Fact]
    public async Task Create_BySecretariat_Is201WithLocationAndAnAuditEntry()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/action-points",
            NewActionPoint(plan.ConclusionId, " RF22-04 ", new { baseline = 2, target = 9, unit = "countries" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadAsync<ActionPointResponse>();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/action-points/{created.Id}");
        created.ForumId.ShouldBe(plan.ForumId);
        created.ConclusionId.ShouldBe(plan.ConclusionId);
        created.Code.ShouldBe("RF22-04");
        created.Priority.ShouldBe("High");
        created.StartDate.ShouldBe(new DateOnly(2026, 1, 15));
        created.Indicator.ShouldBe(new IndicatorResponse(2, 9, "countries"));
        created.AssignmentCount.ShouldBe(0);

        var read = await client.GetFromJsonAsync<ActionPointResponse>(response.Headers.Location, HttpClientExtensions.Json);
        read!.Title.ShouldBe("Harmonize migration statistics definitions");
        read.Indicator.ShouldBe(new IndicatorResponse(2, 9, "countries"));
        read.Version.ShouldBe(created.Version);
        read.Assignments.ShouldNotBeNull().ShouldBeEmpty();

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == created.Id));
        audit.Action.ShouldBe("CreateActionPoint");
        audit.Change.ShouldBe("Created");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.After!.ShouldContain("RF22-04");
    }

    [Fact]
    public async Task Create_WithoutIndicator_HasNone()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/action-points", NewActionPoint(plan.ConclusionId));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.ReadAsync<ActionPointResponse>()).Indicator.ShouldBeNull();
    }

    [Fact]
    public async Task Create_WithCodeTakenInTheSameForum_Is409_ButAnotherForumMayUseIt()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var other = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        (await client.PostAsJsonAsync("/api/action-points", NewActionPoint(plan.ConclusionId))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var duplicate = await client.PostAsJsonAsync("/api/action-points", NewActionPoint(plan.ConclusionId));

        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.ReadProblemAsync()).Title.ShouldBe("An action point with code RF22-04 already exists in this forum.");
        (await app.WithDbAsync(db => db.ActionPoints.CountAsync(a => a.ForumId == plan.ForumId && a.Code == "RF22-04"))).ShouldBe(1);
        (await client.PostAsJsonAsync("/api/action-points", NewActionPoint(other.ConclusionId))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_WithInvalidInput_Is400NamingEachFieldAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/action-points", new
        {
            conclusionId = plan.ConclusionId,
            code = "",
            title = new string('T', ActionPoint.TitleMaxLength + 1),
            priority = "Low",
            startDate = "2026-06-01",
            dueDate = "2026-05-31",
            indicator = new { baseline = 1, unit = new string('u', Indicator.UnitMaxLength + 1) },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Errors!.Keys.ShouldBe(["code", "title", "dueDate", "indicator.target", "indicator.unit"], ignoreOrder: true);
        problem.Errors["dueDate"].ShouldBe(["The due date cannot be before the start date."]);
        (await app.WithDbAsync(db => db.ActionPoints.CountAsync(a => a.ForumId == plan.ForumId))).ShouldBe(1);
    }

    [Fact]
    public async Task Create_WithoutDates_Is400OnEachDate()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/action-points",
            new { conclusionId = plan.ConclusionId, code = "RF22-01", title = "Title", priority = "Low" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["startDate", "dueDate"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_WithUnknownPriority_Is400()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/action-points", new
        {
            conclusionId = plan.ConclusionId, code = "RF22-01", title = "Title", priority = "Urgent", startDate = "2026-01-01", dueDate = "2026-02-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Create_ForUnknownConclusion_Is400OnConclusionId()
    {
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/action-points", NewActionPoint(Guid.NewGuid()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["conclusionId"]);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task EveryWrite_ByAnyoneButTheSecretariat_Is403AndChangesNothing(string email)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var mex = await app.OrganizationIdAsync("MIG-MEX");
        var version = await app.WithDbAsync(db => db.ActionPoints.Where(a => a.Id == plan.ActionPointId).Select(a => a.Version).SingleAsync());
        using var client = await app.SignedInAsync(email);

        HttpResponseMessage[] responses =
        [
            await client.PostAsJsonAsync("/api/action-points", NewActionPoint(plan.ConclusionId, "RF22-99")),
            await client.PutAsJsonAsync($"/api/action-points/{plan.ActionPointId}", new
            {
                conclusionId = plan.ConclusionId, code = "CHANGED", title = "Changed", priority = "Low",
                startDate = "2026-01-01", dueDate = "2026-02-01", version = version.ToString(),
            }),
            await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments", new { organizationId = mex, role = "Lead" }),
            await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments/bulk", new { allMemberStateInstitutions = true, role = "Supporting" }),
        ];

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        await app.WithDbAsync(async db =>
        {
            (await db.ActionPoints.CountAsync(a => a.ForumId == plan.ForumId)).ShouldBe(1);
            (await db.ActionPoints.SingleAsync(a => a.Id == plan.ActionPointId)).Version.ShouldBe(version);
            (await db.Assignments.CountAsync(a => a.ActionPointId == plan.ActionPointId)).ShouldBe(1);
            (await db.Forums.SingleAsync(f => f.Id == plan.ForumId)).HasParticipant(mex).ShouldBeFalse();
        });
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = app.CreateApiClient();

        (await client.GetAsync("/api/action-points")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync($"/api/action-points/{plan.ActionPointId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/action-points", NewActionPoint(plan.ConclusionId, "RF22-98"))).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithDbAsync(db => db.ActionPoints.CountAsync(a => a.ForumId == plan.ForumId))).ShouldBe(1);
    }

    [Fact]
    public async Task Update_WithCurrentVersion_ChangesIt_AndAStaleVersionIs409AndChangesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var read = await client.GetFromJsonAsync<ActionPointResponse>($"/api/action-points/{plan.ActionPointId}", HttpClientExtensions.Json);

        var updated = await client.PutAsJsonAsync($"/api/action-points/{plan.ActionPointId}", new
        {
            conclusionId = plan.ConclusionId, code = read!.Code, title = "Publish a regional glossary", priority = "Medium",
            startDate = read.StartDate, dueDate = read.DueDate.AddMonths(1), indicator = new { target = 1, unit = "glossary" }, version = read.Version,
        });

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await updated.ReadAsync<ActionPointResponse>();
        after.Title.ShouldBe("Publish a regional glossary");
        after.Priority.ShouldBe("Medium");
        after.Indicator.ShouldBe(new IndicatorResponse(null, 1, "glossary"));
        after.AssignmentCount.ShouldBe(1);
        after.Version.ShouldNotBe(read.Version);

        var stale = await client.PutAsJsonAsync($"/api/action-points/{plan.ActionPointId}", new
        {
            conclusionId = plan.ConclusionId, code = read.Code, title = "Overwritten", priority = "Low",
            startDate = read.StartDate, dueDate = read.DueDate, version = read.Version,
        });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadProblemAsync()).Title!.ShouldContain("changed by someone else");
        var now = await client.GetFromJsonAsync<ActionPointResponse>($"/api/action-points/{plan.ActionPointId}", HttpClientExtensions.Json);
        now!.Title.ShouldBe("Publish a regional glossary");
        now.Version.ShouldBe(after.Version);

        var change = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityId == plan.ActionPointId && a.Action == "UpdateActionPoint"));
        change.Change.ShouldBe("Updated");
        change.Before!.ShouldContain("Draft a regional glossary");
        change.After!.ShouldContain("Publish a regional glossary");
    }

    [Fact]
    public async Task Update_ToAnotherConclusionOfTheSameForum_MovesItWithItsAssignments_ButNotToAnotherForums()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM", "ONE"]);
        var other = await app.CreatePlanAsync(["INM"], []);
        var second = await app.WithDbAsync(async db =>
        {
            var conclusion = Conclusion.Create(plan.ForumId, 2, "Strengthen data exchange.", "Data exchange", [1], []);
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion.Id;
        });
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var read = await client.GetFromJsonAsync<ActionPointResponse>($"/api/action-points/{plan.ActionPointId}", HttpClientExtensions.Json);

        object Change(Guid conclusionId, string version) => new
        {
            conclusionId, code = read!.Code, title = read.Title, priority = read.Priority,
            startDate = read.StartDate, dueDate = read.DueDate, version,
        };

        var elsewhere = await client.PutAsJsonAsync($"/api/action-points/{plan.ActionPointId}", Change(other.ConclusionId, read!.Version));
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await elsewhere.ReadProblemAsync()).Errors!.Keys.ShouldBe(["conclusionId"]);

        var unknown = await client.PutAsJsonAsync($"/api/action-points/{plan.ActionPointId}", Change(Guid.NewGuid(), read.Version));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadProblemAsync()).Errors!.Keys.ShouldBe(["conclusionId"]);

        var moved = await client.PutAsJsonAsync($"/api/action-points/{plan.ActionPointId}", Change(second, read.Version));
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await moved.ReadAsync<ActionPointResponse>()).ConclusionId.ShouldBe(second);
        (await app.WithDbAsync(db => db.AssignmentStatuses.Where(s => s.ActionPointId == plan.ActionPointId).Select(s => s.ConclusionId).ToListAsync()))
            .ShouldBe([second, second]);
    }

    [Fact]
    public async Task Update_ToACodeTakenInTheForum_Is409AndChangesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        await app.AddActionPointAsync(plan, "RF22-07", ActionPointArrange.Today, ActionPointArrange.Today.AddMonths(3));
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var read = await client.GetFromJsonAsync<ActionPointResponse>($"/api/action-points/{plan.ActionPointId}", HttpClientExtensions.Json);

        var response = await client.PutAsJsonAsync($"/api/action-points/{plan.ActionPointId}", new
        {
            conclusionId = plan.ConclusionId, code = "RF22-07", title = read!.Title, priority = read.Priority,
            startDate = read.StartDate, dueDate = read.DueDate, version = read.Version,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ReadProblemAsync()).Title.ShouldBe("An action point with code RF22-07 already exists in this forum.");
        (await app.WithDbAsync(db => db.ActionPoints.SingleAsync(a => a.Id == plan.ActionPointId))).Code.ShouldBe(read.Code);
    }

    [Fact]
    public async Task Update_UnknownActionPoint_Is404()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/action-points/{Guid.NewGuid()}", new
        {
            conclusionId = plan.ConclusionId, code = "X-1", title = "Title", priority = "Low", startDate = "2026-01-01", dueDate = "2026-02-01", version = "1",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_WithItsAssignments_ShowsEachOnesCurrentStatus()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM", "MIG-MEX"], requiresValidation: false);
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 40, requiresValidation: false);
        using var client = await app.SignedInAsync(TestPeople.Viewer);

        var read = await client.GetFromJsonAsync<ActionPointResponse>($"/api/action-points/{plan.ActionPointId}", HttpClientExtensions.Json);

        read!.AssignmentCount.ShouldBe(2);
        read.Assignments!.Select(a => a.CountryCode).ShouldBe(["DOM", "MEX"]);
        var dom = read.Assignments![0];
        dom.Id.ShouldBe(plan.AssignmentIds["INM"]);
        dom.OrganizationName.ShouldBe("National Migration Institute of the Dominican Republic");
        dom.ActionPointCode.ShouldBe(read.Code);
        dom.Status.ShouldBe("InProgress");
        dom.PercentComplete.ShouldBe(40);
        dom.LastUpdateAt.ShouldNotBeNull();
        read.Assignments[1].Status.ShouldBe("NotStarted");
    }

    [Fact]
    public async Task Get_ByAFocalPointWhoseOrganizationDoesNotTakePart_Is404_AndTheListLeavesItOut()
    {
        var plan = await app.CreatePlanAsync(["MIG-MEX"], ["MIG-MEX"]);
        using var dom = await app.SignedInAsync(TestPeople.FocalDom);
        using var mex = await app.SignedInAsync(TestPeople.FocalMex);

        (await dom.GetAsync($"/api/action-points/{plan.ActionPointId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dom.GetFromJsonAsync<PageOf<ActionPointResponse>>($"/api/action-points?forumId={plan.ForumId}", HttpClientExtensions.Json))!
            .TotalCount.ShouldBe(0);

        (await mex.GetAsync($"/api/action-points/{plan.ActionPointId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mex.GetFromJsonAsync<PageOf<ActionPointResponse>>($"/api/action-points?forumId={plan.ForumId}", HttpClientExtensions.Json))!
            .Items.ShouldHaveSingleItem().Id.ShouldBe(plan.ActionPointId);
    }

    [Fact]
    public async Task Get_UnknownId_Is404()
    {
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.GetAsync($"/api/action-points/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task List_Filters_MatchAnActionPointWhenOneAssignmentMatchesThemAll()
    {
        var today = ActionPointArrange.Today;
        var plan = await app.CreatePlanAsync(["INM"], ["INM", "MIG-MEX"], requiresValidation: false,
            startDate: today.AddMonths(-3), dueDate: today.AddMonths(6));
        var inm = plan.OrganizationIds["INM"];
        var mex = plan.OrganizationIds["MIG-MEX"];
        // Codes sort before and after the plan's "T-…" code.
        var (overdueId, _) = await app.AddActionPointAsync(plan, "A-LATE", today.AddMonths(-6), today.AddDays(-1), mex);
        var (emptyId, _) = await app.AddActionPointAsync(plan, "Z-NONE", today, today.AddMonths(1));
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 30, requiresValidation: false);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        async Task<List<Guid>> ListAsync(string filters) =>
            [.. (await client.GetFromJsonAsync<PageOf<ActionPointResponse>>($"/api/action-points?forumId={plan.ForumId}{filters}", HttpClientExtensions.Json))!
                .Items.Select(a => a.Id)];

        (await ListAsync("")).ShouldBe([overdueId, plan.ActionPointId, emptyId]);
        (await ListAsync("&countryCode=dom")).ShouldBe([plan.ActionPointId]);
        (await ListAsync($"&organizationId={mex}")).ShouldBe([overdueId, plan.ActionPointId]);
        (await ListAsync("&overdue=true")).ShouldBe([overdueId]);
        (await ListAsync("&overdue=false")).ShouldBe([plan.ActionPointId]);
        (await ListAsync("&overdue=true&countryCode=DOM")).ShouldBeEmpty();
        (await ListAsync("&status=InProgress")).ShouldBe([plan.ActionPointId]);
        (await ListAsync($"&status=InProgress&organizationId={mex}")).ShouldBeEmpty();
        (await ListAsync($"&status=NotStarted&organizationId={inm}")).ShouldBeEmpty();
        (await ListAsync($"&conclusionId={plan.ConclusionId}&status=NotStarted")).ShouldBe([overdueId, plan.ActionPointId]);
        (await ListAsync($"&conclusionId={Guid.NewGuid()}")).ShouldBeEmpty();

        var page = await client.GetFromJsonAsync<PageOf<ActionPointResponse>>(
            $"/api/action-points?forumId={plan.ForumId}&page=2&pageSize=2", HttpClientExtensions.Json);
        page!.TotalCount.ShouldBe(3);
        page.Page.ShouldBe(2);
        page.Items.ShouldHaveSingleItem().Id.ShouldBe(emptyId);
        page.Items[0].AssignmentCount.ShouldBe(0);
    }

    [Fact]
    public async Task OpenApi_DescribesTheRoutesWithTheirRequestAndResponseSchemas()
    {
        using var client = app.CreateApiClient();

        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/action-points", "/api/action-points/{id}", "/api/action-points/{id}/assignments",
            "/api/action-points/{id}/assignments/bulk", "/api/assignments", "/api/assignments/{id}", "/api/assignments/{id}/cancel",
        })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        paths.GetProperty("/api/action-points").GetProperty("post").TryGetProperty("requestBody", out _).ShouldBeTrue();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "ActionPointDto", "ActionPointDetailsDto", "AssignmentDto", "BulkAssignmentResult", "CreateActionPointCommand" })
            schemas.TryGetProperty(schema, out _).ShouldBeTrue(schema);
    }

    [Fact]
    public async Task List_WithInvalidFilters_Is400NamingThem()
    {
        using var client = await app.SignedInAsync(TestPeople.Viewer);

        var response = await client.GetAsync("/api/action-points?countryCode=XXX&pageSize=500");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["countryCode", "pageSize"], ignoreOrder: true);
    }
}

public sealed class ActionPointsApiTestsOnSqlite(SqliteApp app) : ActionPointsApiTests<SqliteApp>(app);

public sealed class ActionPointsApiTestsOnPostgreSql(PostgreSqlApp app) : ActionPointsApiTests<PostgreSqlApp>(app);
