using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.ReviewCycles.ReviewCycleArrange;

namespace Coordination.Web.Tests.ReviewCycles;

/// <summary>Review cycles made, opened and closed by hand; the snapshot and compliance; updates belonging to the open cycle.</summary>
public abstract class ReviewCyclesApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task Create_BySecretariat_Is201ScheduledWithLocationAndAnAuditEntry()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var response = await secretariat.PostAsJsonAsync($"/api/forums/{plan.ForumId}/review-cycles",
            new { name = "Q3 2026 review", opensOn = "2026-07-01", submissionDeadline = "2026-07-31", meetingDate = "2026-08-05" });

        var created = await ReadAsync<CycleResponse>(response, HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/review-cycles/{created.Id}");
        created.ForumId.ShouldBe(plan.ForumId);
        created.Name.ShouldBe("Q3 2026 review");
        created.OpensOn.ShouldBe(new DateOnly(2026, 7, 1));
        created.SubmissionDeadline.ShouldBe(new DateOnly(2026, 7, 31));
        created.MeetingDate.ShouldBe(new DateOnly(2026, 8, 5));
        created.State.ShouldBe("Scheduled");
        created.FromSchedule.ShouldBeFalse();
        created.Version.ShouldBe("1");
        (await secretariat.GetFromJsonAsync<CycleResponse>(response.Headers.Location, HttpClientExtensions.Json)).ShouldBe(created);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == created.Id));
        audit.Action.ShouldBe("CreateReviewCycle");
        audit.Change.ShouldBe("Created");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
    }

    [Fact]
    public async Task Create_WithInvalidInput_Is400WithTheFieldsNamedAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var response = await secretariat.PostAsJsonAsync($"/api/forums/{plan.ForumId}/review-cycles",
            new { name = " ", opensOn = "2026-07-01", submissionDeadline = "2026-06-30", meetingDate = "2026-06-01" });
        var missing = await secretariat.PostAsJsonAsync($"/api/forums/{plan.ForumId}/review-cycles", new { name = "Review" });

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).Errors!.Keys
            .ShouldBe(["name", "submissionDeadline", "meetingDate"], ignoreOrder: true);
        (await ProblemAsync(missing, HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["opensOn", "submissionDeadline"], ignoreOrder: true);
        (await app.WithDbAsync(db => db.ReviewCycles.CountAsync(c => c.ForumId == plan.ForumId))).ShouldBe(0);
    }

    [Fact]
    public async Task Create_InAForumThatDoesNotExist_Is404()
    {
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var response = await secretariat.PostAsJsonAsync($"/api/forums/{Guid.NewGuid()}/review-cycles",
            new { name = "Review", opensOn = "2026-07-01", submissionDeadline = "2026-07-31" });

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task CreateOpenCloseChange_ByFocalPointOrViewer_Are403AndWriteNothing(string email)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = UtcToday();
        var scheduled = await app.CreateCycleAsync(plan.ForumId, today, today.AddDays(30));
        var open = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-10), today.AddDays(20), open: true);
        var auditBefore = await AuditCountAsync(plan.ForumId);
        using var client = await app.ClientAsync(email);

        await ProblemAsync(await client.PostAsJsonAsync($"/api/forums/{plan.ForumId}/review-cycles",
            new { name = "Review", opensOn = "2026-07-01", submissionDeadline = "2026-07-31" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await client.PostAsync($"/api/review-cycles/{scheduled}/open", null), HttpStatusCode.Forbidden);
        await ProblemAsync(await client.PostAsync($"/api/review-cycles/{open}/close", null), HttpStatusCode.Forbidden);
        await ProblemAsync(await client.PutAsJsonAsync($"/api/review-cycles/{scheduled}",
            new { name = "Renamed", opensOn = today, submissionDeadline = today.AddDays(30), version = "1" }), HttpStatusCode.Forbidden);

        (await AuditCountAsync(plan.ForumId)).ShouldBe(auditBefore);
        (await StateAsync(scheduled)).ShouldBe(ReviewCycleState.Scheduled);
        (await StateAsync(open)).ShouldBe(ReviewCycleState.Open);
        (await app.CycleMailsAsync(scheduled)).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.ReviewCycles.CountAsync(c => c.ForumId == plan.ForumId))).ShouldBe(2);
        (await app.WithDbAsync(db => db.CycleSnapshots.CountAsync(s => s.ReviewCycleId == open))).ShouldBe(0);
    }

    [Fact]
    public async Task ReadRoutes_ForAFocalPointOutsideTheForum_Are404()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var cycle = await app.CreateCycleAsync(plan.ForumId, UtcToday(), UtcToday().AddDays(30));
        var outsider = await app.CreatePersonAsync(Roles.FocalPoint, await app.OrganizationIdAsync("NSO-GTM"));
        using var client = await app.ClientAsync(outsider.Email!, TestPeople.Password);

        await ProblemAsync(await client.GetAsync($"/api/forums/{plan.ForumId}/review-cycles"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"/api/review-cycles/{cycle}"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"/api/review-cycles/{cycle}/compliance"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"/api/review-cycles/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_ForAParticipantFocalPoint_ShowsTheForumsCyclesLatestFirst_FilteredByState()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var first = await app.CreateCycleAsync(plan.ForumId, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), open: true);
        var second = await app.CreateCycleAsync(plan.ForumId, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        var other = await app.CreatePlanAsync(["INM"], ["INM"]);
        await app.CreateCycleAsync(other.ForumId, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        using var focal = await app.ClientAsync(TestPeople.FocalDom);

        var all = await focal.GetFromJsonAsync<CyclePage>($"/api/forums/{plan.ForumId}/review-cycles", HttpClientExtensions.Json);
        var open = await focal.GetFromJsonAsync<CyclePage>($"/api/forums/{plan.ForumId}/review-cycles?state=Open", HttpClientExtensions.Json);

        all!.Items.Select(c => c.Id).ShouldBe([second, first]);
        all.TotalCount.ShouldBe(2);
        open!.Items.ShouldHaveSingleItem().Id.ShouldBe(first);
    }

    [Fact]
    public async Task Open_BySecretariat_MailsEachFocalPointOfEachAssignedOrganizationOnceInTheirLanguage()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-BLZ", "NSO-BLZ", "UNIV"], requiresValidation: false);
        var secondInm = await AddAssignmentAsync(plan, "INM");
        var englishFocal = await app.CreatePersonAsync(Roles.FocalPoint, plan.OrganizationIds["MIG-BLZ"]);
        await app.CreatePersonAsync(Roles.Viewer, plan.OrganizationIds["INM"]);
        await app.CancelAsync(plan.AssignmentIds["NSO-BLZ"]);
        await app.ReportAsync(plan.AssignmentIds["UNIV"], null, DateTime.UtcNow.AddDays(-1), AssignmentStatus.Completed, 100);
        var deadline = UtcToday().AddDays(30);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);
        var created = await ReadAsync<CycleResponse>(await secretariat.PostAsJsonAsync($"/api/forums/{plan.ForumId}/review-cycles",
            new { name = "Q3 review", opensOn = UtcToday(), submissionDeadline = deadline }), HttpStatusCode.Created);

        var opened = await ReadAsync<CycleResponse>(await secretariat.PostAsync($"/api/review-cycles/{created.Id}/open", null), HttpStatusCode.OK);

        opened.State.ShouldBe("Open");
        opened.OpenedAt.ShouldNotBeNull();
        opened.Version.ShouldBe("2");
        // Expected from the accounts: the active focal points of the organizations with an active assignment.
        var expected = await app.FocalPointsAsync([plan.OrganizationIds["INM"], plan.OrganizationIds["MIG-BLZ"]]);
        expected.Keys.ShouldContain(TestPeople.FocalDom);
        expected.Keys.ShouldContain(englishFocal.Email!);
        var mails = await app.CycleMailsAsync(created.Id);
        mails.Select(m => m.To).ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var mail in mails)
        {
            mail.Kind.ShouldBe(MailKinds.ReviewCycleOpened);
            mail.Language.ShouldBe(expected[mail.To]);
            mail.Subject.ShouldStartWith(mail.Language == "es" ? "Revisión abierta: Q3 review" : "Review open: Q3 review");
        }

        var dom = mails.Single(m => m.To == TestPeople.FocalDom);
        dom.TextBody.ShouldContain($"/assignments/{plan.AssignmentIds["INM"]}/report");
        dom.TextBody.ShouldContain($"/assignments/{secondInm}/report");
        dom.HtmlBody.ShouldContain($"href=\"https://localhost/assignments/{secondInm}/report\"");
        dom.TextBody.ShouldNotContain(plan.AssignmentIds["MIG-BLZ"].ToString());
        dom.TextBody.ShouldContain(deadline.ToString("dddd d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("es")));
        var english = mails.Single(m => m.To == englishFocal.Email);
        english.TextBody.ShouldContain($"/assignments/{plan.AssignmentIds["MIG-BLZ"]}/report");
        english.TextBody.ShouldContain($"Deadline: by the end of {deadline.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} (UTC time).");
        mails.ShouldNotContain(m => m.To == TestPeople.FocalMex);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityId == created.Id && a.Action == "OpenReviewCycle"));
        audit.Change.ShouldBe("Updated");
        audit.After!.ShouldContain("Open");
    }

    [Fact]
    public async Task OpenAndClose_RefusedTransitions_Are409AndChangeNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = UtcToday();
        var cycle = await app.CreateCycleAsync(plan.ForumId, today, today.AddDays(30));
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        // Closing one that never opened, and a stale version, are refused before anything changes.
        (await ProblemAsync(await secretariat.PostAsync($"/api/review-cycles/{cycle}/close", null), HttpStatusCode.Conflict))
            .Title.ShouldBe("Only an open review cycle can be closed.");
        await ProblemAsync(await secretariat.PostAsJsonAsync($"/api/review-cycles/{cycle}/open", new { version = "0" }), HttpStatusCode.Conflict);
        (await StateAsync(cycle)).ShouldBe(ReviewCycleState.Scheduled);
        (await app.CycleMailsAsync(cycle)).ShouldBeEmpty();

        (await secretariat.PostAsJsonAsync($"/api/review-cycles/{cycle}/open", new { version = "1" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mails = (await app.CycleMailsAsync(cycle)).Length;
        mails.ShouldBeGreaterThan(0);
        var audit = await AuditCountAsync(plan.ForumId);

        (await ProblemAsync(await secretariat.PostAsync($"/api/review-cycles/{cycle}/open", null), HttpStatusCode.Conflict))
            .Title.ShouldBe("This review cycle is already open.");
        await ProblemAsync(await secretariat.PostAsJsonAsync($"/api/review-cycles/{cycle}/close", new { version = "1" }), HttpStatusCode.Conflict);
        (await StateAsync(cycle)).ShouldBe(ReviewCycleState.Open);
        (await app.CycleMailsAsync(cycle)).Length.ShouldBe(mails);
        (await AuditCountAsync(plan.ForumId)).ShouldBe(audit);

        (await secretariat.PostAsync($"/api/review-cycles/{cycle}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ProblemAsync(await secretariat.PostAsync($"/api/review-cycles/{cycle}/close", null), HttpStatusCode.Conflict))
            .Title.ShouldBe("This review cycle is already closed.");
        (await ProblemAsync(await secretariat.PostAsync($"/api/review-cycles/{cycle}/open", null), HttpStatusCode.Conflict))
            .Title.ShouldBe("A closed review cycle cannot be opened again.");
        (await StateAsync(cycle)).ShouldBe(ReviewCycleState.Closed);
        (await app.WithDbAsync(db => db.CycleSnapshots.CountAsync(s => s.ReviewCycleId == cycle))).ShouldBe(1);
    }

    [Fact]
    public async Task Change_WithTheCurrentVersion_Is200_AndWithAStaleOne_Is409AndChangesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var cycle = await app.CreateCycleAsync(plan.ForumId, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31), name: "Before");
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var changed = await ReadAsync<CycleResponse>(await secretariat.PutAsJsonAsync($"/api/review-cycles/{cycle}",
            new { name = "After", opensOn = "2026-07-02", submissionDeadline = "2026-08-01", meetingDate = "2026-08-10", version = "1" }), HttpStatusCode.OK);
        var stale = await secretariat.PutAsJsonAsync($"/api/review-cycles/{cycle}",
            new { name = "Lost", opensOn = "2026-07-02", submissionDeadline = "2026-08-01", version = "1" });

        changed.Name.ShouldBe("After");
        changed.SubmissionDeadline.ShouldBe(new DateOnly(2026, 8, 1));
        changed.MeetingDate.ShouldBe(new DateOnly(2026, 8, 10));
        changed.Version.ShouldBe("2");
        await ProblemAsync(stale, HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.ReviewCycles.AsNoTracking().SingleAsync(c => c.Id == cycle))).Name.ShouldBe("After");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == cycle && a.Action == "ChangeReviewCycle"))).ShouldBe(1);
    }

    [Fact]
    public async Task Close_BySecretariat_FreezesOneSnapshotRowPerAssignmentAsItStood_AndComplianceIsReadFromIt()
    {
        var today = UtcToday();
        var plan = await app.CreatePlanAsync(
            ["INM"], ["INM", "MIG-MEX", "NSO-BLZ", "MIG-GTM", "ONE", "CSO"], requiresValidation: false,
            startDate: today.AddDays(-90), dueDate: today.AddDays(180));
        var a = plan.AssignmentIds;
        var opensOn = today.AddDays(-20);
        var deadline = today.AddDays(-5);
        var deadlineEnd = deadline.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Completed before the cycle opened: not expected to report in it.
        await app.ReportAsync(a["CSO"], null, opensOn.AddDays(-3).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), AssignmentStatus.Completed, 100);
        var cycle = await app.CreateCycleAsync(plan.ForumId, opensOn, deadline, open: true);
        await app.ReportAsync(a["INM"], cycle, deadlineEnd.AddMinutes(-1), AssignmentStatus.InProgress, 40);
        await app.ReportAsync(a["MIG-MEX"], null, opensOn.AddDays(-2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), AssignmentStatus.InProgress, 10);
        await app.ReportAsync(a["MIG-MEX"], cycle, deadlineEnd.AddMinutes(1), AssignmentStatus.OnHold, 25);
        await app.SetDueDateAsync(a["NSO-BLZ"], today.AddDays(-3));
        await app.SetDueDateAsync(a["MIG-GTM"], today.AddDays(10));
        await app.CancelAsync(a["ONE"]);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var closed = await ReadAsync<CycleResponse>(await secretariat.PostAsync($"/api/review-cycles/{cycle}/close", null), HttpStatusCode.OK);

        closed.State.ShouldBe("Closed");
        closed.ClosedAt.ShouldNotBeNull();
        var snapshot = await app.WithDbAsync(db => db.CycleSnapshots.AsNoTracking().Where(s => s.ReviewCycleId == cycle).ToDictionaryAsync(s => s.AssignmentId));
        snapshot.Keys.ShouldBe([a["INM"], a["MIG-MEX"], a["NSO-BLZ"], a["MIG-GTM"], a["CSO"]], ignoreOrder: true);
        snapshot.Values.ShouldAllBe(s => s.ForumId == plan.ForumId && s.ActionPointId == plan.ActionPointId && s.ConclusionId == plan.ConclusionId);
        Row(a["INM"]).ShouldBe((AssignmentStatus.InProgress, 40, false, false, true, false));
        Row(a["MIG-MEX"]).ShouldBe((AssignmentStatus.OnHold, 25, false, false, false, true));
        Row(a["NSO-BLZ"]).ShouldBe((AssignmentStatus.NotStarted, 0, true, false, false, false));
        Row(a["MIG-GTM"]).ShouldBe((AssignmentStatus.NotStarted, 0, false, true, false, false));
        Row(a["CSO"]).ShouldBe((AssignmentStatus.Completed, 100, false, false, false, false));
        snapshot[a["MIG-MEX"]].OrganizationId.ShouldBe(plan.OrganizationIds["MIG-MEX"]);
        snapshot[a["MIG-MEX"]].CountryCode.ShouldBe("MEX");

        // Later changes do not move a closed cycle's figures: they come from the snapshot.
        await app.ReportAsync(a["NSO-BLZ"], cycle, DateTime.UtcNow, AssignmentStatus.InProgress, 5);
        await app.CancelAsync(a["MIG-GTM"]);
        using var viewer = await app.ClientAsync(TestPeople.Viewer);
        var compliance = await viewer.GetFromJsonAsync<ComplianceResponse>($"/api/review-cycles/{cycle}/compliance", HttpClientExtensions.Json);

        compliance!.Source.ShouldBe("Snapshot");
        compliance.State.ShouldBe("Closed");
        compliance.Total.ShouldBe(new CountsResponse(Expected: 4, SubmittedOnTime: 1, Late: 1, Missing: 2));
        compliance.Organizations.Select(o => o.OrganizationId).ShouldBe(
            [plan.OrganizationIds["INM"], plan.OrganizationIds["MIG-MEX"], plan.OrganizationIds["NSO-BLZ"], plan.OrganizationIds["MIG-GTM"]],
            ignoreOrder: true);
        Figures(compliance, "INM").ShouldBe((1, 1, 0, 0));
        Figures(compliance, "MIG-MEX").ShouldBe((1, 0, 1, 0));
        Figures(compliance, "NSO-BLZ").ShouldBe((1, 0, 0, 1));
        Figures(compliance, "MIG-GTM").ShouldBe((1, 0, 0, 1));
        var inm = compliance.Organizations.Single(o => o.OrganizationId == plan.OrganizationIds["INM"]);
        inm.CountryCode.ShouldBe("DOM");
        inm.OrganizationName.ShouldNotBeNullOrWhiteSpace();

        (AssignmentStatus, int, bool, bool, bool, bool) Row(Guid id) =>
            (snapshot[id].Status, snapshot[id].PercentComplete, snapshot[id].Overdue, snapshot[id].AtRisk, snapshot[id].ReportedOnTime, snapshot[id].ReportedLate);

        (int, int, int, int) Figures(ComplianceResponse c, string acronym)
        {
            var o = c.Organizations.Single(x => x.OrganizationId == plan.OrganizationIds[acronym]);
            return (o.Expected, o.SubmittedOnTime, o.Late, o.Missing);
        }
    }

    [Fact]
    public async Task Compliance_OfAnOpenCycle_IsComputedFromTheLiveData()
    {
        var today = UtcToday();
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-MEX", "NSO-BLZ", "CSO", "ONE"], requiresValidation: false);
        var a = plan.AssignmentIds;
        var second = await AddAssignmentAsync(plan, "INM");
        var deadline = today.AddDays(-1);
        var cycle = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-20), deadline, open: true);
        using var focal = await app.ClientAsync(TestPeople.FocalDom);
        var url = $"/api/review-cycles/{cycle}/compliance";

        var before = await focal.GetFromJsonAsync<ComplianceResponse>(url, HttpClientExtensions.Json);

        before!.Source.ShouldBe("Live");
        before.Total.ShouldBe(new CountsResponse(6, 0, 0, 6));

        await app.ReportAsync(a["INM"], cycle, deadline.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc));
        await app.ReportAsync(a["MIG-MEX"], cycle, deadline.AddDays(1).ToDateTime(new TimeOnly(0, 1), DateTimeKind.Utc));
        // Completed during the cycle, by its report in it: still expected, and counted as reported.
        await app.ReportAsync(a["CSO"], cycle, deadline.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), AssignmentStatus.Completed, 100);
        // An update outside the cycle does not count for it.
        await app.ReportAsync(a["NSO-BLZ"], null, deadline.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc));
        await app.CancelAsync(a["ONE"]);

        var after = await focal.GetFromJsonAsync<ComplianceResponse>(url, HttpClientExtensions.Json);

        after!.Total.ShouldBe(new CountsResponse(Expected: 5, SubmittedOnTime: 2, Late: 1, Missing: 2));
        var byOrganization = after.Organizations.ToDictionary(o => o.OrganizationId, o => (o.Expected, o.SubmittedOnTime, o.Late, o.Missing));
        byOrganization.Keys.ShouldBe(
            [plan.OrganizationIds["INM"], plan.OrganizationIds["MIG-MEX"], plan.OrganizationIds["NSO-BLZ"], plan.OrganizationIds["CSO"]],
            ignoreOrder: true);
        byOrganization[plan.OrganizationIds["INM"]].ShouldBe((2, 1, 0, 1), $"INM has two assignments ({a["INM"]}, {second}) and reported on one");
        byOrganization[plan.OrganizationIds["MIG-MEX"]].ShouldBe((1, 0, 1, 0));
        byOrganization[plan.OrganizationIds["NSO-BLZ"]].ShouldBe((1, 0, 0, 1));
        byOrganization[plan.OrganizationIds["CSO"]].ShouldBe((1, 1, 0, 0));
    }

    [Fact]
    public async Task ReportProgress_WhileACycleIsOpen_BelongsToIt()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var other = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = UtcToday();
        await app.CreateCycleAsync(plan.ForumId, today, today.AddDays(30));
        await app.CreateCycleAsync(other.ForumId, today.AddDays(-10), today.AddDays(20), open: true);
        using var focal = await app.ClientAsync(TestPeople.FocalDom);

        var without = await ReadAsync<UpdateResponse>(await focal.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), Report()), HttpStatusCode.Created);
        without.ReviewCycleId.ShouldBeNull("no cycle of this forum is open");

        var open = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-5), today.AddDays(25), open: true);
        await app.WithDbAsync(async db =>
        {
            // Clear the first update's pending state so the assignment can be reported on again.
            var assignment = (await db.Assignments.FindAsync(plan.AssignmentIds["INM"]))!;
            var update = (await db.ProgressUpdates.FindAsync(without.Id))!;
            assignment.Accept(update, Guid.NewGuid(), "Secretariat", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        var within = await ReadAsync<UpdateResponse>(await focal.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), Report()), HttpStatusCode.Created);

        within.ReviewCycleId.ShouldBe(open);
    }

    [Fact]
    public async Task ReportProgress_NamingACycleThatIsNotOpenInTheForum_Is400OnReviewCycleIdAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var other = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = UtcToday();
        var scheduled = await app.CreateCycleAsync(plan.ForumId, today, today.AddDays(30));
        var foreign = await app.CreateCycleAsync(other.ForumId, today.AddDays(-10), today.AddDays(20), open: true);
        var open = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-10), today.AddDays(20), open: true);
        using var focal = await app.ClientAsync(TestPeople.FocalDom);
        var route = ReportRoute(plan.AssignmentIds["INM"]);

        foreach (var wrong in new[] { scheduled, foreign, Guid.NewGuid() })
        {
            var problem = await ProblemAsync(await focal.PostAsJsonAsync(route, Report(wrong)), HttpStatusCode.BadRequest);
            problem.Errors!.Keys.ShouldBe(["reviewCycleId"]);
        }

        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == plan.AssignmentIds["INM"]))).ShouldBe(0);
        var named = await ReadAsync<UpdateResponse>(await focal.PostAsJsonAsync(route, Report(open)), HttpStatusCode.Created);
        named.ReviewCycleId.ShouldBe(open);
    }

    private static string ReportRoute(Guid assignmentId) => $"/api/assignments/{assignmentId}/progress-updates";

    private static object Report(Guid? reviewCycleId = null) =>
        new { status = "InProgress", percentComplete = 30, narrative = "Glossary drafted.", reviewCycleId };

    private Task<ReviewCycleState> StateAsync(Guid cycleId) =>
        app.WithDbAsync(db => db.ReviewCycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => c.State).SingleAsync());

    private Task<int> AuditCountAsync(Guid forumId) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => db.ReviewCycles.Any(c => c.ForumId == forumId && c.Id == e.EntityId) || e.EntityId == forumId));

    /// <summary>A second action point of the plan's conclusion, assigned to the organization.</summary>
    private Task<Guid> AddAssignmentAsync(TestData.Plan plan, string acronym) =>
        app.WithDbAsync(async db =>
        {
            var first = (await db.ActionPoints.FindAsync(plan.ActionPointId))!;
            var actionPoint = ActionPoint.Create(
                plan.ForumId, plan.ConclusionId, $"S-{Guid.NewGuid().ToString("N")[..6]}", "Publish a regional dataset", null, Priority.Medium,
                first.StartDate, first.DueDate, null);
            db.ActionPoints.Add(actionPoint);
            var assignment = Assignment.Create(actionPoint, plan.OrganizationIds[acronym], AssignmentRole.Lead, null);
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment.Id;
        });

    private sealed record UpdateResponse(Guid Id, Guid AssignmentId, Guid? ReviewCycleId, string State);
}

public sealed class ReviewCyclesApiTestsOnSqlite(SqliteApp app) : ReviewCyclesApiTests<SqliteApp>(app);

public sealed class ReviewCyclesApiTestsOnPostgreSql(PostgreSqlApp app) : ReviewCyclesApiTests<PostgreSqlApp>(app);
