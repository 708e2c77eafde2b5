using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Tests.ActionPoints;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Assignments;

public abstract class AssignmentsApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private static DateOnly Today => ActionPointArrange.Today;

    [Fact]
    public async Task Assign_ToAnOrganizationNotYetTakingPart_Is201_AddsItToTheForum_AndItsFocalPointCanReadIt()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var nso = await app.OrganizationIdAsync("NSO-MEX");
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments",
            new { organizationId = nso, role = "Supporting", dueDate = Today.AddMonths(2) });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadAsync<AssignmentResponse>();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/assignments/{created.Id}");
        created.ActionPointId.ShouldBe(plan.ActionPointId);
        created.ForumId.ShouldBe(plan.ForumId);
        created.OrganizationId.ShouldBe(nso);
        created.OrganizationName.ShouldBe("National statistics office of Mexico");
        created.CountryCode.ShouldBe("MEX");
        created.Role.ShouldBe("Supporting");
        created.Status.ShouldBe("NotStarted");
        created.DueDate.ShouldBe(Today.AddMonths(2));
        created.Overdue.ShouldBeFalse();
        created.AwaitingValidation.ShouldBeFalse();
        created.Version.ShouldNotBeNullOrEmpty();

        (await app.WithDbAsync(db => db.Forums.SingleAsync(f => f.Id == plan.ForumId))).HasParticipant(nso).ShouldBeTrue();
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == created.Id));
        audit.Action.ShouldBe("AssignActionPoint");
        audit.Change.ShouldBe("Created");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);

        var person = await app.CreatePersonAsync(Roles.FocalPoint, nso);
        using var focal = await app.SignedInAsync(person.Email!, TestPeople.Password);
        (await focal.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{created.Id}", HttpClientExtensions.Json))!.Id.ShouldBe(created.Id);
        (await focal.GetFromJsonAsync<PageOf<AssignmentResponse>>($"/api/assignments?forumId={plan.ForumId}", HttpClientExtensions.Json))!
            .Items.ShouldHaveSingleItem().Id.ShouldBe(created.Id);
    }

    [Fact]
    public async Task Assign_WithoutDueDate_TakesTheActionPoints()
    {
        var plan = await app.CreatePlanAsync(["INM"], [], dueDate: Today.AddMonths(5));
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments",
            new { organizationId = plan.OrganizationIds["INM"], role = "Lead" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.ReadAsync<AssignmentResponse>()).DueDate.ShouldBe(Today.AddMonths(5));
    }

    [Fact]
    public async Task Assign_AnOrganizationAlreadyAssigned_Is409NamingItAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments",
            new { organizationId = plan.OrganizationIds["INM"], role = "Supporting" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ReadProblemAsync()).Title!.ShouldStartWith("National Migration Institute of the Dominican Republic is already assigned");
        (await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.ActionPointId == plan.ActionPointId))).ShouldBe(1);
    }

    [Fact]
    public async Task Assign_WithUnknownOrganizationOrDueBeforeTheStart_Is400OnThatField()
    {
        var plan = await app.CreatePlanAsync(["INM"], [], startDate: Today.AddDays(-10));
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var url = $"/api/action-points/{plan.ActionPointId}/assignments";

        var unknown = await client.PostAsJsonAsync(url, new { organizationId = Guid.NewGuid(), role = "Lead" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadProblemAsync()).Errors!.Keys.ShouldBe(["organizationId"]);

        var early = await client.PostAsJsonAsync(url, new { organizationId = plan.OrganizationIds["INM"], role = "Lead", dueDate = Today.AddDays(-11) });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.ReadProblemAsync()).Errors!.Keys.ShouldBe(["dueDate"]);

        var empty = await client.PostAsJsonAsync(url, new { role = "Lead" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.ReadProblemAsync()).Errors!.Keys.ShouldBe(["organizationId"]);

        (await client.PostAsJsonAsync(url, new { organizationId = plan.OrganizationIds["INM"], role = "Boss" })).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.ActionPointId == plan.ActionPointId))).ShouldBe(0);
    }

    [Fact]
    public async Task Assign_ToUnknownActionPoint_Is404()
    {
        var inm = await app.OrganizationIdAsync("INM");
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/action-points/{Guid.NewGuid()}/assignments", new { organizationId = inm, role = "Lead" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BulkAssign_ToAllMemberStateInstitutions_CreatesOnePerParticipatingInstitution_AndSkipsThoseAssigned()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE", "MIG-MEX", "NSO-BLZ", "PRM", "UNIV", "IOM"], ["INM"]);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments/bulk",
            new { allMemberStateInstitutions = true, role = "Supporting" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.ReadAsync<BulkResponse>();
        result.Created.Select(a => a.OrganizationId).ShouldBe(
            [plan.OrganizationIds["NSO-BLZ"], plan.OrganizationIds["ONE"], plan.OrganizationIds["MIG-MEX"]], ignoreOrder: true);
        result.Created.ShouldAllBe(a => a.Role == "Supporting" && a.Status == "NotStarted" && a.ActionPointId == plan.ActionPointId);
        result.Skipped.ShouldHaveSingleItem().OrganizationId.ShouldBe(plan.OrganizationIds["INM"]);
        result.Skipped[0].Reason.ShouldBe("Already assigned.");

        await app.WithDbAsync(async db =>
        {
            (await db.Assignments.CountAsync(a => a.ActionPointId == plan.ActionPointId)).ShouldBe(4);
            (await db.AssignmentStatuses.CountAsync(s => s.ActionPointId == plan.ActionPointId)).ShouldBe(4);
            var ids = result.Created.Select(a => a.Id).ToList();
            (await db.AuditEntries.CountAsync(a => ids.Contains(a.EntityId) && a.Action == "BulkAssignActionPoint" && a.Change == "Created"))
                .ShouldBe(3);
        });

        var again = await (await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments/bulk",
            new { allMemberStateInstitutions = true, role = "Supporting" })).ReadAsync<BulkResponse>();
        again.Created.ShouldBeEmpty();
        again.Skipped.Count.ShouldBe(4);
    }

    [Fact]
    public async Task BulkAssign_ToListedOrganizations_AddsNewOnesToTheForum_AndSkipsThoseAssigned()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var cso = await app.OrganizationIdAsync("CSO");
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments/bulk",
            new { organizationIds = new[] { plan.OrganizationIds["INM"], cso, cso }, role = "Lead", dueDate = Today.AddMonths(1) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.ReadAsync<BulkResponse>();
        var created = result.Created.ShouldHaveSingleItem();
        created.OrganizationId.ShouldBe(cso);
        created.DueDate.ShouldBe(Today.AddMonths(1));
        result.Skipped.ShouldHaveSingleItem().OrganizationId.ShouldBe(plan.OrganizationIds["INM"]);
        (await app.WithDbAsync(db => db.Forums.SingleAsync(f => f.Id == plan.ForumId))).HasParticipant(cso).ShouldBeTrue();
    }

    [Fact]
    public async Task BulkAssign_WithBothOrNeitherOrUnknownOrganizations_Is400AndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE"], []);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var url = $"/api/action-points/{plan.ActionPointId}/assignments/bulk";

        object[] requests =
        [
            new { role = "Lead" },
            new { organizationIds = Array.Empty<Guid>(), allMemberStateInstitutions = false, role = "Lead" },
            new { organizationIds = new[] { plan.OrganizationIds["INM"] }, allMemberStateInstitutions = true, role = "Lead" },
            new { organizationIds = new[] { plan.OrganizationIds["INM"], Guid.NewGuid() }, role = "Lead" },
        ];
        foreach (var request in requests)
        {
            var response = await client.PostAsJsonAsync(url, request);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["organizationIds"]);
        }

        (await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.ActionPointId == plan.ActionPointId))).ShouldBe(0);
    }

    [Fact]
    public async Task List_ForAFocalPoint_ShowsTheirOrganizationsByDefault_AndOthersOnlyWhenAsked()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM", "MIG-MEX"]);
        var inm = plan.OrganizationIds["INM"];
        var mex = plan.OrganizationIds["MIG-MEX"];
        using var client = await app.SignedInAsync(TestPeople.FocalDom);

        var own = await client.GetFromJsonAsync<PageOf<AssignmentResponse>>($"/api/assignments?forumId={plan.ForumId}", HttpClientExtensions.Json);
        own!.Items.ShouldHaveSingleItem().Id.ShouldBe(plan.AssignmentIds["INM"]);

        var everything = await client.GetFromJsonAsync<PageOf<AssignmentResponse>>("/api/assignments?pageSize=200", HttpClientExtensions.Json);
        everything!.Items.ShouldNotBeEmpty();
        everything.Items.ShouldAllBe(a => a.OrganizationId == inm);

        var mexico = await client.GetFromJsonAsync<PageOf<AssignmentResponse>>(
            $"/api/assignments?forumId={plan.ForumId}&organizationId={mex}", HttpClientExtensions.Json);
        mexico!.Items.ShouldHaveSingleItem().Id.ShouldBe(plan.AssignmentIds["MIG-MEX"]);
    }

    [Fact]
    public async Task List_ForTheSecretariat_ShowsEveryOrganizationsSortedByDueDate()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM", "MIG-MEX", "ONE"]);
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var put = await client.PutAsJsonAsync($"/api/assignments/{plan.AssignmentIds["ONE"]}", new
        {
            role = "Lead", dueDate = Today.AddDays(20),
            version = (await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{plan.AssignmentIds["ONE"]}", HttpClientExtensions.Json))!.Version,
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await client.GetFromJsonAsync<PageOf<AssignmentResponse>>($"/api/assignments?forumId={plan.ForumId}", HttpClientExtensions.Json);

        page!.TotalCount.ShouldBe(3);
        page.Items[0].Id.ShouldBe(plan.AssignmentIds["ONE"]);
        page.Items.Select(a => a.DueDate).ShouldBeInOrder();
        (await client.GetFromJsonAsync<PageOf<AssignmentResponse>>(
            $"/api/assignments?actionPointId={plan.ActionPointId}&organizationId={plan.OrganizationIds["MIG-MEX"]}", HttpClientExtensions.Json))!
            .Items.ShouldHaveSingleItem().Id.ShouldBe(plan.AssignmentIds["MIG-MEX"]);
    }

    [Fact]
    public async Task Get_ByAFocalPointWhoseOrganizationDoesNotTakePart_Is404_AndTheListLeavesItOut()
    {
        var plan = await app.CreatePlanAsync(["MIG-MEX"], ["MIG-MEX"]);
        using var client = await app.SignedInAsync(TestPeople.FocalDom);

        (await client.GetAsync($"/api/assignments/{plan.AssignmentIds["MIG-MEX"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<PageOf<AssignmentResponse>>(
            $"/api/assignments?organizationId={plan.OrganizationIds["MIG-MEX"]}&forumId={plan.ForumId}", HttpClientExtensions.Json))!
            .TotalCount.ShouldBe(0);

        using var viewer = await app.SignedInAsync(TestPeople.Viewer);
        (await viewer.GetAsync($"/api/assignments/{plan.AssignmentIds["MIG-MEX"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = app.CreateApiClient();

        (await client.GetAsync("/api/assignments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync($"/api/assignments/{plan.AssignmentIds["INM"]}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsync($"/api/assignments/{plan.AssignmentIds["INM"]}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithDbAsync(db => db.Assignments.SingleAsync(a => a.Id == plan.AssignmentIds["INM"]))).Status.ShouldBe(AssignmentStatus.NotStarted);
    }

    [Fact]
    public async Task Overdue_PastDueAndNotCompleted_IsFlaggedAndFiltered_UntilCancelled()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM", "ONE"], startDate: Today.AddMonths(-4), dueDate: Today.AddDays(-1));
        var late = plan.AssignmentIds["INM"];
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var later = await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{plan.AssignmentIds["ONE"]}", HttpClientExtensions.Json);
        (await client.PutAsJsonAsync($"/api/assignments/{plan.AssignmentIds["ONE"]}",
            new { role = "Lead", dueDate = Today, version = later!.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var read = await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{late}", HttpClientExtensions.Json);
        read!.Overdue.ShouldBeTrue();
        read.AtRisk.ShouldBeFalse();
        (await client.GetFromJsonAsync<PageOf<AssignmentResponse>>($"/api/assignments?forumId={plan.ForumId}&overdue=true", HttpClientExtensions.Json))!
            .Items.ShouldHaveSingleItem().Id.ShouldBe(late);
        (await client.GetFromJsonAsync<PageOf<AssignmentResponse>>($"/api/assignments?forumId={plan.ForumId}&overdue=false", HttpClientExtensions.Json))!
            .Items.ShouldHaveSingleItem().Id.ShouldBe(plan.AssignmentIds["ONE"]);

        var cancelled = await client.PostAsync($"/api/assignments/{late}/cancel", null);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await cancelled.ReadAsync<AssignmentResponse>();
        after.Status.ShouldBe("Cancelled");
        after.Overdue.ShouldBeFalse();
        (await client.GetFromJsonAsync<PageOf<AssignmentResponse>>($"/api/assignments?forumId={plan.ForumId}&overdue=true", HttpClientExtensions.Json))!
            .Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task AtRisk_DueWithin30DaysAndBehindTheElapsedTime_IsFlagged_UntilProgressCatchesUp()
    {
        // 100 days since the start, 10 to go: 91 % of the time has elapsed.
        var plan = await app.CreatePlanAsync(["INM"], ["INM", "ONE"], requiresValidation: false,
            startDate: Today.AddDays(-100), dueDate: Today.AddDays(10));
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 50, requiresValidation: false);
        await app.ReportAsync(plan.AssignmentIds["ONE"], AssignmentStatus.InProgress, 95, requiresValidation: false);
        using var client = await app.SignedInAsync(TestPeople.Viewer);

        var behind = await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{plan.AssignmentIds["INM"]}", HttpClientExtensions.Json);
        behind!.AtRisk.ShouldBeTrue();
        behind.Overdue.ShouldBeFalse();
        behind.PercentComplete.ShouldBe(50);
        behind.Status.ShouldBe("InProgress");

        var ahead = await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{plan.AssignmentIds["ONE"]}", HttpClientExtensions.Json);
        ahead!.AtRisk.ShouldBeFalse();
        ahead.PercentComplete.ShouldBe(95);
    }

    [Fact]
    public async Task Get_WithAnUpdateAwaitingValidation_ShowsItButKeepsTheOfficialStatus()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: true);
        await app.ReportAsync(plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 60, requiresValidation: true);
        using var client = await app.SignedInAsync(TestPeople.FocalDom);

        var read = await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{plan.AssignmentIds["INM"]}", HttpClientExtensions.Json);

        read!.AwaitingValidation.ShouldBeTrue();
        read.PendingUpdateId.ShouldNotBeNull();
        read.Status.ShouldBe("NotStarted");
        read.PercentComplete.ShouldBe(0);
        read.LastUpdateAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Change_WithCurrentVersion_ChangesIt_AndAStaleVersionIs409AndChangesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var id = plan.AssignmentIds["INM"];
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var read = await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{id}", HttpClientExtensions.Json);

        var changed = await client.PutAsJsonAsync($"/api/assignments/{id}", new { role = "Supporting", dueDate = Today.AddMonths(2), version = read!.Version });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await changed.ReadAsync<AssignmentResponse>();
        after.Role.ShouldBe("Supporting");
        after.DueDate.ShouldBe(Today.AddMonths(2));
        after.Version.ShouldNotBe(read.Version);

        var stale = await client.PutAsJsonAsync($"/api/assignments/{id}", new { role = "Lead", version = read.Version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var now = await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{id}", HttpClientExtensions.Json);
        now!.Role.ShouldBe("Supporting");
        now.Version.ShouldBe(after.Version);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == id && a.Action == "ChangeAssignment"));
        audit.Change.ShouldBe("Updated");
        audit.Before!.ShouldContain("Lead");
        audit.After!.ShouldContain("Supporting");
    }

    [Fact]
    public async Task Change_WithInvalidInput_Is400NamingTheField()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], startDate: Today.AddDays(-5));
        var id = plan.AssignmentIds["INM"];
        using var client = await app.SignedInAsync(TestPeople.Secretariat);
        var read = await client.GetFromJsonAsync<AssignmentResponse>($"/api/assignments/{id}", HttpClientExtensions.Json);

        var noVersion = await client.PutAsJsonAsync($"/api/assignments/{id}", new { role = "Lead" });
        noVersion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noVersion.ReadProblemAsync()).Errors!.Keys.ShouldBe(["version"]);

        var early = await client.PutAsJsonAsync($"/api/assignments/{id}", new { role = "Lead", dueDate = Today.AddDays(-6), version = read!.Version });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.ReadProblemAsync()).Errors!.Keys.ShouldBe(["dueDate"]);

        (await client.PutAsJsonAsync($"/api/assignments/{Guid.NewGuid()}", new { role = "Lead", version = "1" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancel_LeavesAnAuditEntry_AndCancellingOrChangingAgainIs409()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var id = plan.AssignmentIds["INM"];
        using var client = await app.SignedInAsync(TestPeople.Secretariat);

        var cancelled = await client.PostAsync($"/api/assignments/{id}/cancel", null);

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await cancelled.ReadAsync<AssignmentResponse>();
        after.Status.ShouldBe("Cancelled");
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == id && a.Action == "CancelAssignment"));
        audit.After!.ShouldContain("Cancelled");

        var again = await client.PostAsync($"/api/assignments/{id}/cancel", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.ReadProblemAsync()).Title.ShouldBe("This assignment was cancelled and cannot be cancelled again.");

        var change = await client.PutAsJsonAsync($"/api/assignments/{id}", new { role = "Supporting", version = after.Version });
        change.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await change.ReadProblemAsync()).Title.ShouldBe("This assignment was cancelled and cannot be changed.");
        (await app.WithDbAsync(db => db.Assignments.SingleAsync(a => a.Id == id))).Role.ShouldBe(AssignmentRole.Lead);
        (await client.PostAsync($"/api/assignments/{Guid.NewGuid()}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task EveryWrite_ByAnyoneButTheSecretariat_Is403AndChangesNothing(string email)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var id = plan.AssignmentIds["INM"];
        var version = await app.WithDbAsync(db => db.Assignments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        using var client = await app.SignedInAsync(email);

        var change = await client.PutAsJsonAsync($"/api/assignments/{id}", new { role = "Supporting", version = version.ToString() });
        var cancel = await client.PostAsync($"/api/assignments/{id}/cancel", null);

        change.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        cancel.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var assignment = await app.WithDbAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Id == id));
        assignment.Version.ShouldBe(version);
        assignment.Role.ShouldBe(AssignmentRole.Lead);
        assignment.Status.ShouldBe(AssignmentStatus.NotStarted);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id && a.Change == "Updated"))).ShouldBe(0);
    }
}

public sealed class AssignmentsApiTestsOnSqlite(SqliteApp app) : AssignmentsApiTests<SqliteApp>(app);

public sealed class AssignmentsApiTestsOnPostgreSql(PostgreSqlApp app) : AssignmentsApiTests<PostgreSqlApp>(app);
