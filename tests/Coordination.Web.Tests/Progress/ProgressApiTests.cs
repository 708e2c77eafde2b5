using System.Net;
using System.Net.Http.Json;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Progress;

public abstract class ProgressApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = HttpClientExtensions.Json;

    [Fact]
    public async Task ReportReturnReviseAccept_WhereValidationIsRequired_TheOfficialStatusFollowsOnlyTheAcceptedUpdate()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);

        // The focal point reports: it awaits validation, the official status stays.
        var reported = await focal.PostAsJsonAsync(ReportRoute(assignmentId), new
        {
            status = "InProgress",
            percentComplete = 60,
            narrative = "Glossary drafted with the national statistics office.",
            obstacles = "Two definitions are still discussed.",
            evidenceLinks = new[] { "https://example.org/glossary-draft.pdf" },
            indicatorValue = 12.5m,
        });
        reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync());
        var first = (await reported.Content.ReadFromJsonAsync<UpdateResponse>(Json))!;
        reported.Headers.Location!.OriginalString.ShouldBe($"/api/progress-updates/{first.Id}");
        first.AssignmentId.ShouldBe(assignmentId);
        first.State.ShouldBe("Submitted");
        first.Status.ShouldBe("InProgress");
        first.PercentComplete.ShouldBe(60);
        first.Obstacles.ShouldBe("Two definitions are still discussed.");
        first.EvidenceLinks.ShouldBe(["https://example.org/glossary-draft.pdf"]);
        first.IndicatorValue.ShouldBe(12.5m);
        first.SubmittedBy.Name.ShouldBe("Focal point, INM Dominican Republic");
        first.ReviewedBy.ShouldBeNull();
        first.Version.ShouldNotBeNullOrEmpty();

        var awaiting = await StatusRowAsync(assignmentId);
        awaiting.Status.ShouldBe(AssignmentStatus.NotStarted);
        awaiting.PercentComplete.ShouldBe(0);
        awaiting.PendingUpdateId.ShouldBe(first.Id);
        awaiting.PendingStatus.ShouldBe(AssignmentStatus.InProgress);
        awaiting.PendingPercent.ShouldBe(60);
        awaiting.LastUpdateAt.ShouldNotBeNull();

        // It is in the secretariat's queue with its action point and organization.
        var queue = await secretariat.GetFromJsonAsync<PageOf<QueueItemResponse>>(
            $"/api/progress-updates?state=Submitted&forumId={plan.ForumId}", Json);
        var item = queue!.Items.ShouldHaveSingleItem();
        item.Id.ShouldBe(first.Id);
        item.ActionPointId.ShouldBe(plan.ActionPointId);
        item.ActionPointCode.ShouldStartWith("T-");
        item.ActionPointTitle.ShouldBe("Draft a regional glossary");
        item.OrganizationId.ShouldBe(plan.OrganizationIds["INM"]);
        item.OrganizationName.ShouldBe("National Migration Institute of the Dominican Republic");
        item.OrganizationAcronym.ShouldBe("INM");

        // The secretariat returns it with a comment.
        var returned = await secretariat.PostAsJsonAsync($"/api/progress-updates/{first.Id}/return", new { comment = "Attach the final glossary." });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
        var afterReturn = (await returned.Content.ReadFromJsonAsync<UpdateResponse>(Json))!;
        afterReturn.State.ShouldBe("Returned");
        afterReturn.ReviewComment.ShouldBe("Attach the final glossary.");
        afterReturn.ReviewedBy!.Name.ShouldNotBeNullOrEmpty();
        afterReturn.ReviewedAt.ShouldNotBeNull();
        afterReturn.Version.ShouldNotBe(first.Version);

        var afterReturnRow = await StatusRowAsync(assignmentId);
        afterReturnRow.Status.ShouldBe(AssignmentStatus.NotStarted);
        afterReturnRow.PercentComplete.ShouldBe(0);
        afterReturnRow.PendingUpdateId.ShouldBeNull();
        afterReturnRow.ReturnedUpdateId.ShouldBe(first.Id);

        // The focal point sees it returned, with the comment, in the history.
        var history = await focal.GetFromJsonAsync<PageOf<UpdateResponse>>(ReportRoute(assignmentId), Json);
        var seen = history!.Items.ShouldHaveSingleItem();
        seen.State.ShouldBe("Returned");
        seen.ReviewComment.ShouldBe("Attach the final glossary.");

        // ... and revises it.
        var revised = await focal.PostAsJsonAsync(ReportRoute(assignmentId), new
        {
            status = "InProgress",
            percentComplete = 70,
            narrative = "Glossary finalized; the final version is attached.",
            evidenceLinks = new[] { "https://example.org/glossary-final.pdf" },
            revisionOfId = first.Id,
        });
        revised.StatusCode.ShouldBe(HttpStatusCode.Created, await revised.Content.ReadAsStringAsync());
        var revision = (await revised.Content.ReadFromJsonAsync<UpdateResponse>(Json))!;
        revision.RevisionOfId.ShouldBe(first.Id);
        revision.State.ShouldBe("Submitted");

        var revisedRow = await StatusRowAsync(assignmentId);
        revisedRow.PendingUpdateId.ShouldBe(revision.Id);
        revisedRow.ReturnedUpdateId.ShouldBeNull();
        revisedRow.Status.ShouldBe(AssignmentStatus.NotStarted);

        // The secretariat accepts: the official status and percent follow.
        var accepted = await secretariat.PostAsync($"/api/progress-updates/{revision.Id}/accept", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await accepted.Content.ReadFromJsonAsync<UpdateResponse>(Json))!.State.ShouldBe("Accepted");

        var official = await StatusRowAsync(assignmentId);
        official.Status.ShouldBe(AssignmentStatus.InProgress);
        official.PercentComplete.ShouldBe(70);
        official.PendingUpdateId.ShouldBeNull();
        official.ReturnedUpdateId.ShouldBeNull();

        // History is never overwritten: both updates, newest first.
        var full = await focal.GetFromJsonAsync<PageOf<UpdateResponse>>(ReportRoute(assignmentId), Json);
        full!.Items.Select(u => (u.Id, u.State)).ShouldBe([(revision.Id, "Accepted"), (first.Id, "Returned")]);
        full.TotalCount.ShouldBe(2);

        // One audit entry per write, named after the use case.
        (await AuditActionsAsync(first.Id)).ShouldBe(["ReportProgress", "ReturnProgressUpdate"]);
        (await AuditActionsAsync(revision.Id)).ShouldBe(["ReportProgress", "AcceptProgressUpdate"]);
        var acceptAudit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityId == revision.Id && a.Action == "AcceptProgressUpdate"));
        acceptAudit.UserEmail.ShouldBe(TestPeople.Secretariat);
        acceptAudit.After!.ShouldContain("Accepted");
    }

    [Fact]
    public async Task Report_WhereTheForumDoesNotRequireValidation_ChangesTheStatusOnSubmission()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);

        var response = await focal.PostAsJsonAsync(ReportRoute(assignmentId), Body(percent: 35));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var update = (await response.Content.ReadFromJsonAsync<UpdateResponse>(Json))!;
        update.State.ShouldBe("Accepted");
        var row = await StatusRowAsync(assignmentId);
        row.Status.ShouldBe(AssignmentStatus.InProgress);
        row.PercentComplete.ShouldBe(35);
        row.PendingUpdateId.ShouldBeNull();

        // It never entered the validation queue, and a second report is not blocked.
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);
        var queue = await secretariat.GetFromJsonAsync<PageOf<QueueItemResponse>>($"/api/progress-updates?state=Submitted&forumId={plan.ForumId}", Json);
        queue!.Items.ShouldBeEmpty();
        (await focal.PostAsJsonAsync(ReportRoute(assignmentId), Body(percent: 45))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StatusRowAsync(assignmentId)).PercentComplete.ShouldBe(45);
        (await AuditActionsAsync(update.Id)).ShouldBe(["ReportProgress"]);
    }

    [Fact]
    public async Task Report_BySecretariat_IsOnTheOrganizationsBehalf()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);

        var response = await secretariat.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), Body());

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var update = (await response.Content.ReadFromJsonAsync<UpdateResponse>(Json))!;
        var secretariatId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestPeople.Secretariat).Select(u => u.Id).SingleAsync());
        update.SubmittedBy.Id.ShouldBe(secretariatId);
        (await StatusRowAsync(plan.AssignmentIds["INM"])).PendingUpdateId.ShouldBe(update.Id);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == update.Id));
        audit.Action.ShouldBe("ReportProgress");
        audit.Change.ShouldBe("Created");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
    }

    [Theory]
    [InlineData(TestPeople.Viewer)]
    [InlineData(TestPeople.FocalMex)]
    public async Task Report_BySomeoneWhoSeesTheForumButIsNotTheAssignedOrganization_Is403AndWritesNothing(string email)
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM"]);
        using var client = await SignedInAsync(email);

        var response = await client.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), Body());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await ShouldHaveNoUpdatesAsync(plan.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task Report_ByFocalPointOfAnOrganizationOutsideTheForum_Is404AndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var mexico = await SignedInAsync(TestPeople.FocalMex);

        var response = await mexico.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), Body());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ShouldHaveNoUpdatesAsync(plan.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task Report_OnAnUnknownAssignment_Is404()
    {
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);

        var response = await secretariat.PostAsJsonAsync(ReportRoute(Guid.NewGuid()), Body());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Report_WithoutSignIn_Is401()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var anonymous = app.CreateApiClient();

        var response = await anonymous.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), Body());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldHaveNoUpdatesAsync(plan.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task Report_OnACancelledAssignment_Is409WithTheRule()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        await app.WithDbAsync(async db =>
        {
            (await db.Assignments.SingleAsync(a => a.Id == assignmentId)).Cancel();
            await db.SaveChangesAsync();
        });
        using var focal = await SignedInAsync(TestPeople.FocalDom);

        var response = await focal.PostAsJsonAsync(ReportRoute(assignmentId), Body());

        await ShouldBeConflictAsync(response, "Progress cannot be reported on a cancelled assignment.");
        await ShouldHaveNoUpdatesAsync(assignmentId);
    }

    [Fact]
    public async Task Report_WhileAnUpdateAwaitsValidation_Is409AndKeepsThePendingOne()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var pending = await ReportAsync(focal, assignmentId, Body(percent: 20));

        var response = await focal.PostAsJsonAsync(ReportRoute(assignmentId), Body(percent: 30));

        await ShouldBeConflictAsync(response, "An update is already awaiting validation. Wait until the secretariat accepts or returns it.");
        (await StatusRowAsync(assignmentId)).PendingUpdateId.ShouldBe(pending.Id);
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(1);
    }

    [Theory]
    [InlineData(90, "https://example.org/glossary.pdf", "A completed assignment is 100 % complete.")]
    [InlineData(100, null, "To report completion, attach a link to the evidence or describe what was delivered in the narrative.")]
    public async Task Report_CompletedWithoutItsProof_Is409WithTheRule(int percent, string? link, string rule)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);

        var response = await focal.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), new
        {
            status = "Completed",
            percentComplete = percent,
            narrative = "Done.",
            evidenceLinks = link is null ? Array.Empty<string>() : [link],
        });

        await ShouldBeConflictAsync(response, rule);
        await ShouldHaveNoUpdatesAsync(plan.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task Report_CompletedWithEvidence_CompletesTheAssignmentOnAcceptance()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);
        var update = await ReportAsync(focal, assignmentId, new
        {
            status = "Completed",
            percentComplete = 100,
            narrative = "Published.",
            evidenceLinks = new[] { "https://example.org/glossary.pdf" },
        });

        (await secretariat.PostAsync($"/api/progress-updates/{update.Id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var row = await StatusRowAsync(assignmentId);
        row.Status.ShouldBe(AssignmentStatus.Completed);
        row.PercentComplete.ShouldBe(100);
    }

    [Theory]
    [InlineData("percent", "percentComplete")]
    [InlineData("negativePercent", "percentComplete")]
    [InlineData("missingPercent", "percentComplete")]
    [InlineData("emptyNarrative", "narrative")]
    [InlineData("missingNarrative", "narrative")]
    [InlineData("ftpLink", "evidenceLinks[0]")]
    [InlineData("secondLinkNotWeb", "evidenceLinks[1]")]
    [InlineData("tooManyLinks", "evidenceLinks")]
    [InlineData("cancelled", "status")]
    [InlineData("missingStatus", "status")]
    public async Task Report_WithInvalidInput_Is400NamingTheFieldAndWritesNothing(string scenario, string field)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        object body = scenario switch
        {
            "percent" => Body(percent: 150),
            "negativePercent" => Body(percent: -1),
            "missingPercent" => new { status = "InProgress", narrative = "Drafted." },
            "emptyNarrative" => new { status = "InProgress", percentComplete = 40, narrative = "  " },
            "missingNarrative" => new { status = "InProgress", percentComplete = 40 },
            "ftpLink" => new { status = "InProgress", percentComplete = 40, narrative = "Drafted.", evidenceLinks = new[] { "ftp://example.org/a.pdf" } },
            "secondLinkNotWeb" => new { status = "InProgress", percentComplete = 40, narrative = "Drafted.", evidenceLinks = new[] { "https://example.org/a.pdf", "C:\\report.docx" } },
            "tooManyLinks" => new
            {
                status = "InProgress", percentComplete = 40, narrative = "Drafted.",
                evidenceLinks = Enumerable.Range(0, ProgressUpdate.MaxEvidenceLinks + 1).Select(i => $"https://example.org/{i}").ToArray(),
            },
            "cancelled" => Body(status: "Cancelled"),
            "missingStatus" => new { percentComplete = 40, narrative = "Drafted." },
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var response = await focal.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(Json))!;
        problem.Errors!.Keys.ShouldBe([field]);
        await ShouldHaveNoUpdatesAsync(plan.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task Report_WithAnUnknownStatus_Is400()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);

        var response = await focal.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), Body(status: "Abandoned"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await ShouldHaveNoUpdatesAsync(plan.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task Report_RevisingAnUpdateOfAnotherAssignment_Is400NamingRevisionOfId()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var other = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);
        var elsewhere = await ReportAsync(focal, other.AssignmentIds["INM"], Body());
        (await secretariat.PostAsJsonAsync($"/api/progress-updates/{elsewhere.Id}/return", new { comment = "Add a link." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await focal.PostAsJsonAsync(ReportRoute(plan.AssignmentIds["INM"]), new
        {
            status = "InProgress", percentComplete = 40, narrative = "Drafted.", revisionOfId = elsewhere.Id,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(Json))!.Errors!.Keys.ShouldBe(["revisionOfId"]);
        await ShouldHaveNoUpdatesAsync(plan.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task Report_RevisingAnUpdateThatWasNotReturned_Is409()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var accepted = await ReportAsync(focal, assignmentId, Body());

        var response = await focal.PostAsJsonAsync(ReportRoute(assignmentId), new
        {
            status = "InProgress", percentComplete = 50, narrative = "More drafted.", revisionOfId = accepted.Id,
        });

        await ShouldBeConflictAsync(response, "Only an update returned on this assignment can be revised.");
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(1);
    }

    [Fact]
    public async Task Report_TheSameIdempotencyKeyTwice_CreatesOneUpdateAndReturnsItAgain()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var key = $"report-{Guid.NewGuid()}";
        var body = Body(percent: 50, links: ["https://example.org/minutes.pdf"]);

        var first = await PostWithKeyAsync(focal, assignmentId, key, body);
        var again = await PostWithKeyAsync(focal, assignmentId, key, body);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        var firstBody = await first.Content.ReadAsStringAsync();
        (await again.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        var update = System.Text.Json.JsonSerializer.Deserialize<UpdateResponse>(firstBody, Json)!;
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(1);
        var stored = await app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().SingleAsync(u => u.Id == update.Id));
        stored.IdempotencyKey.ShouldBe(key);
        stored.RequestHash!.Length.ShouldBe(64);
        (await AuditActionsAsync(update.Id)).ShouldBe(["ReportProgress"]);
    }

    [Fact]
    public async Task Report_TheSameIdempotencyKeyTwiceAtOnce_CreatesOneUpdate()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var first = await SignedInAsync(TestPeople.FocalDom);
        using var second = await SignedInAsync(TestPeople.FocalDom);
        var key = $"report-{Guid.NewGuid()}";

        var responses = await Task.WhenAll(
            PostWithKeyAsync(first, assignmentId, key, Body()),
            PostWithKeyAsync(second, assignmentId, key, Body()));

        // The loser of a true race is refused by the unique index or the assignment's version (409); one that
        // arrives after the winner's commit gets the winner's update back (201).
        responses.Select(r => r.StatusCode).ShouldContain(HttpStatusCode.Created);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var created = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Content.ReadAsStringAsync()));
        created.Distinct().Count().ShouldBe(1);
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(1);
    }

    [Fact]
    public async Task Report_TheSameIdempotencyKeyWithADifferentBody_Is409AndCreatesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var key = $"report-{Guid.NewGuid()}";
        (await PostWithKeyAsync(focal, assignmentId, key, Body(percent: 50))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await PostWithKeyAsync(focal, assignmentId, key, Body(percent: 55));

        await ShouldBeConflictAsync(response, "This Idempotency-Key was already used for a different update.");
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(1);
        (await StatusRowAsync(assignmentId)).PercentComplete.ShouldBe(50);
    }

    [Fact]
    public async Task Report_TheSameIdempotencyKeyOnAnotherAssignment_Is409()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        var other = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var key = $"report-{Guid.NewGuid()}";
        (await PostWithKeyAsync(focal, plan.AssignmentIds["INM"], key, Body())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await PostWithKeyAsync(focal, other.AssignmentIds["INM"], key, Body());

        await ShouldBeConflictAsync(response, "This Idempotency-Key was already used for a different update.");
        await ShouldHaveNoUpdatesAsync(other.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task Report_TheSameIdempotencyKeyByAnotherPerson_IsTheirOwnUpdate()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);
        var key = $"report-{Guid.NewGuid()}";

        var byFocal = await PostWithKeyAsync(focal, assignmentId, key, Body());
        var bySecretariat = await PostWithKeyAsync(secretariat, assignmentId, key, Body());

        byFocal.StatusCode.ShouldBe(HttpStatusCode.Created);
        bySecretariat.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await bySecretariat.Content.ReadFromJsonAsync<UpdateResponse>(Json))!.Id
            .ShouldNotBe((await byFocal.Content.ReadFromJsonAsync<UpdateResponse>(Json))!.Id);
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(2);
    }

    [Fact]
    public async Task Report_WithAnIdempotencyKeyOver100Characters_Is400()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);

        var response = await PostWithKeyAsync(focal, plan.AssignmentIds["INM"], new string('k', 101), Body());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(Json))!.Errors!.Keys.ShouldBe(["idempotencyKey"]);
        await ShouldHaveNoUpdatesAsync(plan.AssignmentIds["INM"]);
    }

    [Theory]
    [InlineData(TestPeople.Secretariat)]
    [InlineData(TestPeople.Viewer)]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.FocalMex)]
    public async Task History_ForWhoeverReadsTheForum_ListsTheUpdatesNewestFirst(string email)
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM"], requiresValidation: false);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var older = await ReportAsync(focal, assignmentId, Body(percent: 10));
        var newer = await ReportAsync(focal, assignmentId, Body(percent: 20));
        using var reader = await SignedInAsync(email);

        var page = await reader.GetFromJsonAsync<PageOf<UpdateResponse>>(ReportRoute(assignmentId), Json);

        page!.Items.Select(u => u.Id).ShouldBe([newer.Id, older.Id]);
        page.TotalCount.ShouldBe(2);
        page.Page.ShouldBe(1);
        page.PageSize.ShouldBe(50);
        var second = await reader.GetFromJsonAsync<PageOf<UpdateResponse>>($"{ReportRoute(assignmentId)}?page=2&pageSize=1", Json);
        second!.Items.ShouldHaveSingleItem().Id.ShouldBe(older.Id);
    }

    [Fact]
    public async Task HistoryAndGet_ForAFocalPointOutsideTheForumOrAnUnknownId_Are404()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var update = await ReportAsync(focal, plan.AssignmentIds["INM"], Body());
        using var mexico = await SignedInAsync(TestPeople.FocalMex);

        (await mexico.GetAsync(ReportRoute(plan.AssignmentIds["INM"]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mexico.GetAsync($"/api/progress-updates/{update.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await focal.GetAsync(ReportRoute(Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await focal.GetAsync($"/api/progress-updates/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_PageSizeOverTheMaximum_Is400()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);

        var response = await focal.GetAsync($"{ReportRoute(plan.AssignmentIds["INM"])}?pageSize=500");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(Json))!.Errors!.Keys.ShouldContain("pageSize");
    }

    [Theory]
    [InlineData(TestPeople.Secretariat)]
    [InlineData(TestPeople.Viewer)]
    [InlineData(TestPeople.FocalDom)]
    public async Task Get_ForWhoeverReadsTheForum_ReturnsTheUpdate(string email)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var update = await ReportAsync(focal, plan.AssignmentIds["INM"], Body(percent: 25));
        using var reader = await SignedInAsync(email);

        var read = await reader.GetFromJsonAsync<UpdateResponse>($"/api/progress-updates/{update.Id}", Json);

        read!.Id.ShouldBe(update.Id);
        read.PercentComplete.ShouldBe(25);
        read.State.ShouldBe("Submitted");
        read.Version.ShouldBe(update.Version);
    }

    [Fact]
    public async Task Queue_ListsSubmittedUpdatesOldestFirstWithFilters()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-MEX"]);
        using var dominican = await SignedInAsync(TestPeople.FocalDom);
        using var mexico = await SignedInAsync(TestPeople.FocalMex);
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);
        var first = await ReportAsync(dominican, plan.AssignmentIds["INM"], Body());
        var second = await ReportAsync(mexico, plan.AssignmentIds["MIG-MEX"], Body());

        var queue = await secretariat.GetFromJsonAsync<PageOf<QueueItemResponse>>($"/api/progress-updates?state=Submitted&forumId={plan.ForumId}", Json);
        queue!.Items.Select(i => i.Id).ShouldBe([first.Id, second.Id]);
        queue.Items.Select(i => i.OrganizationAcronym).ShouldBe(["INM", "MIG-MEX"]);
        queue.Items.ShouldAllBe(i => i.ForumId == plan.ForumId && i.State == "Submitted");

        var mexican = await secretariat.GetFromJsonAsync<PageOf<QueueItemResponse>>(
            $"/api/progress-updates?state=Submitted&forumId={plan.ForumId}&organizationId={plan.OrganizationIds["MIG-MEX"]}", Json);
        mexican!.Items.ShouldHaveSingleItem().Id.ShouldBe(second.Id);

        (await secretariat.PostAsync($"/api/progress-updates/{first.Id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var remaining = await secretariat.GetFromJsonAsync<PageOf<QueueItemResponse>>($"/api/progress-updates?state=Submitted&forumId={plan.ForumId}", Json);
        remaining!.Items.ShouldHaveSingleItem().Id.ShouldBe(second.Id);
        var accepted = await secretariat.GetFromJsonAsync<PageOf<QueueItemResponse>>($"/api/progress-updates?state=Accepted&forumId={plan.ForumId}", Json);
        accepted!.Items.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task Queue_ForAnyoneButTheSecretariat_Is403(string email)
    {
        using var client = await SignedInAsync(email);

        var response = await client.GetAsync("/api/progress-updates?state=Submitted");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom, "accept")]
    [InlineData(TestPeople.FocalDom, "return")]
    [InlineData(TestPeople.Viewer, "accept")]
    [InlineData(TestPeople.Viewer, "return")]
    public async Task AcceptOrReturn_ByAnyoneButTheSecretariat_Is403AndChangesNothing(string email, string action)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var update = await ReportAsync(focal, assignmentId, Body());
        using var client = await SignedInAsync(email);

        var response = await client.PostAsJsonAsync($"/api/progress-updates/{update.Id}/{action}", new { comment = "Looks fine to me." });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var stored = await app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().SingleAsync(u => u.Id == update.Id));
        stored.State.ShouldBe(ProgressUpdateState.Submitted);
        (await StatusRowAsync(assignmentId)).PendingUpdateId.ShouldBe(update.Id);
        (await AuditActionsAsync(update.Id)).ShouldBe(["ReportProgress"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Return_WithoutComment_Is400NamingCommentAndChangesNothing(string? comment)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var update = await ReportAsync(focal, plan.AssignmentIds["INM"], Body());
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);

        var response = await secretariat.PostAsJsonAsync($"/api/progress-updates/{update.Id}/return", new { comment });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(Json))!.Errors!.Keys.ShouldBe(["comment"]);
        (await app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().SingleAsync(u => u.Id == update.Id))).State
            .ShouldBe(ProgressUpdateState.Submitted);
    }

    [Theory]
    [InlineData("accept", "accept", "Only an update awaiting validation can be accepted; this one is already accepted.")]
    [InlineData("accept", "return", "Only an update awaiting validation can be returned; this one is already accepted.")]
    [InlineData("return", "accept", "Only an update awaiting validation can be accepted; this one is already returned.")]
    [InlineData("return", "return", "Only an update awaiting validation can be returned; this one is already returned.")]
    public async Task AcceptOrReturn_AnUpdateNoLongerAwaitingValidation_Is409AndChangesNothing(string firstAction, string secondAction, string rule)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var update = await ReportAsync(focal, assignmentId, Body(percent: 45));
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);
        (await secretariat.PostAsJsonAsync($"/api/progress-updates/{update.Id}/{firstAction}", new { comment = "First review." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await StatusRowAsync(assignmentId);

        var response = await secretariat.PostAsJsonAsync($"/api/progress-updates/{update.Id}/{secondAction}", new { comment = "Second review." });

        await ShouldBeConflictAsync(response, rule);
        var after = await StatusRowAsync(assignmentId);
        (after.Status, after.PercentComplete, after.ReturnedUpdateId).ShouldBe((before.Status, before.PercentComplete, before.ReturnedUpdateId));
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == update.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Accept_AnUpdateAcceptedOnSubmission_Is409()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        using var focal = await SignedInAsync(TestPeople.FocalDom);
        var update = await ReportAsync(focal, plan.AssignmentIds["INM"], Body());
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);

        var response = await secretariat.PostAsync($"/api/progress-updates/{update.Id}/accept", null);

        await ShouldBeConflictAsync(response, "Only an update awaiting validation can be accepted; this one is already accepted.");
    }

    [Fact]
    public async Task AcceptOrReturn_AnUnknownUpdate_Is404()
    {
        using var secretariat = await SignedInAsync(TestPeople.Secretariat);

        (await secretariat.PostAsync($"/api/progress-updates/{Guid.NewGuid()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await secretariat.PostAsJsonAsync($"/api/progress-updates/{Guid.NewGuid()}/return", new { comment = "Why?" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DescribesTheProgressRoutes()
    {
        using var client = app.CreateApiClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        document.ShouldContain("/api/assignments/{id}/progress-updates");
        document.ShouldContain("/api/progress-updates/{id}/accept");
        document.ShouldContain("/api/progress-updates/{id}/return");
        document.ShouldContain("ProgressUpdateDto");
        document.ShouldContain("ProgressQueueItemDto");
        document.ShouldContain("Idempotency-Key");
    }

    private static string ReportRoute(Guid assignmentId) => $"/api/assignments/{assignmentId}/progress-updates";

    private static object Body(string status = "InProgress", int percent = 40, string[]? links = null) => new
    {
        status,
        percentComplete = percent,
        narrative = "Glossary drafted with the national statistics office.",
        evidenceLinks = links ?? [],
    };

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(email);
        return client;
    }

    private static async Task<UpdateResponse> ReportAsync(HttpClient client, Guid assignmentId, object body)
    {
        var response = await client.PostAsJsonAsync(ReportRoute(assignmentId), body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UpdateResponse>(Json))!;
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, Guid assignmentId, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ReportRoute(assignmentId)) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task ShouldBeConflictAsync(HttpResponseMessage response, string title)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<Problem>(Json))!.Title.ShouldBe(title);
    }

    private Task<Application.Assignments.AssignmentCurrentStatus> StatusRowAsync(Guid assignmentId) =>
        app.WithDbAsync(db => db.AssignmentStatuses.AsNoTracking().SingleAsync(s => s.AssignmentId == assignmentId));

    private async Task ShouldHaveNoUpdatesAsync(Guid assignmentId)
    {
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(0);
        var row = await StatusRowAsync(assignmentId);
        row.PendingUpdateId.ShouldBeNull();
        row.LastUpdateAt.ShouldBeNull();
    }

    private Task<List<string>> AuditActionsAsync(Guid updateId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == updateId)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => a.Action)
            .ToListAsync());

    private sealed record PersonRef(Guid Id, string Name);

    private sealed record UpdateResponse(
        Guid Id, Guid AssignmentId, string Status, int PercentComplete, string Narrative, string? Obstacles, string? SupportNeeded,
        List<string> EvidenceLinks, decimal? IndicatorValue, Guid? ReviewCycleId, string State, DateTime SubmittedAt,
        PersonRef SubmittedBy, Guid? RevisionOfId, DateTime? ReviewedAt, PersonRef? ReviewedBy, string? ReviewComment, string Version);

    private sealed record QueueItemResponse(
        Guid Id, Guid AssignmentId, string State, DateTime SubmittedAt, string Version, Guid ForumId, Guid ActionPointId,
        string ActionPointCode, string ActionPointTitle, Guid OrganizationId, string OrganizationName, string OrganizationAcronym);

    private sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int TotalCount);
}

public sealed class ProgressApiTestsOnSqlite(SqliteApp app) : ProgressApiTests<SqliteApp>(app);

public sealed class ProgressApiTestsOnPostgreSql(PostgreSqlApp app) : ProgressApiTests<PostgreSqlApp>(app);
