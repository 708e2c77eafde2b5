using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Pages.Progress;

/// <summary>
/// The reporting loop as people meet it in the browser: the assignment page, the progress form and the validation
/// queue, over HTTP with the real pipeline (cookies, antiforgery, redirects, resources).
/// </summary>
public abstract class ProgressPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string Narrative = "The glossary was drafted with the national statistics office and shared for comments.";

    [Fact]
    public async Task ReportingLoop_OnTheDemoForum_FocalPointReportsSecretariatReturnsThenAccepts()
    {
        var (assignmentId, forumId) = await DemoAssignmentAsync("RF22-04", "INM");
        using var focal = await BrowserAsync(TestPeople.FocalDom);
        using var secretariat = await BrowserAsync(TestPeople.Secretariat);
        var assignmentUrl = $"/assignments/{assignmentId}";
        var reportUrl = $"{assignmentUrl}/report";

        // 1. The focal point opens the form (a bookmark or a reminder's link) and reports.
        var form = await focal.GetDocumentAsync(reportUrl);
        form.QuerySelector("h1")!.TextContent.ShouldBe("Report progress");
        form.QuerySelector("form.progress-form").ShouldNotBeNull();
        form.QuerySelectorAll("input[name='Input.Status'][type=radio]").Length.ShouldBe(4);
        form.QuerySelectorAll(".evidence-link input").Length.ShouldBe(3);
        var submitted = await focal.SubmitFormAsync(reportUrl, Fields("InProgress", "75", Narrative, "https://example.org/inm/register-plan"), "form.progress-form");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        submitted.Headers.Location!.OriginalString.ShouldBe(assignmentUrl);

        // 2. The assignment page says it awaits validation; the official figures stay.
        var awaiting = await focal.GetDocumentAsync(assignmentUrl);
        Notice(awaiting).ShouldBe("Your update was submitted and awaits validation by the secretariat.");
        awaiting.QuerySelector("h1")!.TextContent.ShouldContain("RF22-04");
        awaiting.QuerySelector(".assignment-header .flag-awaiting").ShouldNotBeNull();
        awaiting.QuerySelector(".awaiting-panel")!.TextContent.ShouldContain("75 %");
        awaiting.QuerySelector(".official-percent")!.TextContent.ShouldBe("60 %");
        awaiting.QuerySelector(".awaiting-panel form").ShouldBeNull("a focal point cannot accept");
        awaiting.QuerySelector(".report-link").ShouldBeNull("a second report would only be refused");
        var firstItem = awaiting.QuerySelector(".progress-history > li")!;
        firstItem.QuerySelector(".flag-awaiting").ShouldNotBeNull();
        firstItem.QuerySelector("a[href='https://example.org/inm/register-plan']")!.GetAttribute("rel").ShouldBe("noopener noreferrer");
        var firstId = Guid.Parse(firstItem.Id!["update-".Length..]);

        // 3. The secretariat returns it from the queue with a comment.
        var queueUrl = $"/validation?forumId={forumId}";
        var queue = await secretariat.GetDocumentAsync(queueUrl);
        var item = queue.QuerySelector($"li[data-update-id='{firstId}']")!;
        item.QuerySelector(".reported")!.TextContent.ShouldContain("75 %");
        item.QuerySelector(".official")!.TextContent.ShouldContain("60 %");
        item.TextContent.ShouldContain(Narrative);
        var returned = await secretariat.SubmitFormAsync(
            queueUrl, new Dictionary<string, string> { ["comment"] = "Please attach the register's regulation." },
            $"li[data-update-id='{firstId}'] form.return-form");
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        returned.Headers.Location!.OriginalString.ShouldBe(queueUrl);
        var afterReturn = await secretariat.GetDocumentAsync(queueUrl);
        Notice(afterReturn).ShouldStartWith("The update on RF22-04");
        afterReturn.QuerySelector($"li[data-update-id='{firstId}']").ShouldBeNull();

        // 4. The focal point sees the comment and revises; the form is prefilled and explains the comment.
        var returnedPage = await focal.GetDocumentAsync(assignmentUrl);
        returnedPage.QuerySelector(".returned-panel .review-comment")!.TextContent.ShouldBe("Please attach the register's regulation.");
        returnedPage.QuerySelector(".assignment-header .flag-returned").ShouldNotBeNull();
        var reviseUrl = returnedPage.QuerySelector("a.revise-link")!.GetAttribute("href")!;
        reviseUrl.ShouldBe($"{reportUrl}?revisionOf={firstId}");
        var revising = await focal.GetDocumentAsync(reviseUrl);
        revising.QuerySelector(".returned-panel .review-comment")!.TextContent.ShouldBe("Please attach the register's regulation.");
        revising.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Narrative']")!.Value.ShouldBe(Narrative);
        revising.QuerySelector<IHtmlInputElement>("input[name='Input.PercentComplete']")!.Value.ShouldBe("75");
        revising.QuerySelector<IHtmlInputElement>("input[name='Input.Status'][value=InProgress]")!.IsChecked.ShouldBeTrue();
        revising.QuerySelector<IHtmlInputElement>("input[name='Input.RevisionOfId']")!.Value.ShouldBe(firstId.ToString());
        var resubmitted = await focal.SubmitFormAsync(
            reviseUrl,
            Fields("InProgress", "80", Narrative + " The regulation is attached.", "https://example.org/inm/register-plan", "https://example.org/inm/regulation"),
            "form.progress-form");
        resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resubmitted.Headers.Location!.OriginalString.ShouldBe(assignmentUrl);

        // 5. The secretariat accepts the revision from the queue.
        var revisionId = await app.WithDbAsync(db => db.ProgressUpdates.Where(u => u.RevisionOfId == firstId).Select(u => u.Id).SingleAsync());
        var accepted = await secretariat.SubmitFormAsync(
            queueUrl, new Dictionary<string, string>(), $"li[data-update-id='{revisionId}'] form.accept-form");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Notice(await secretariat.GetDocumentAsync(queueUrl)).ShouldStartWith("The update on RF22-04");

        // 6. The assignment shows the new official status and percent, and the whole history.
        var after = await focal.GetDocumentAsync(assignmentUrl);
        after.QuerySelector(".assignment-header .status")!.TextContent.ShouldBe("In progress");
        after.QuerySelector(".official-percent")!.TextContent.ShouldBe("80 %");
        after.QuerySelector(".awaiting-panel").ShouldBeNull();
        after.QuerySelector(".returned-panel").ShouldBeNull();
        var history = after.QuerySelectorAll(".progress-history > li").ToList();
        history[0].Id.ShouldBe($"update-{revisionId}");
        history[0].QuerySelector(".update-accepted").ShouldNotBeNull();
        history[1].Id.ShouldBe($"update-{firstId}");
        history[1].QuerySelector(".flag-returned").ShouldNotBeNull();
        history[1].QuerySelector(".review-comment")!.TextContent.ShouldBe("Please attach the register's regulation.");

        var row = await app.WithDbAsync(db => db.AssignmentStatuses.AsNoTracking().SingleAsync(s => s.AssignmentId == assignmentId));
        (row.Status, row.PercentComplete, row.PendingUpdateId, row.ReturnedUpdateId).ShouldBe((AssignmentStatus.InProgress, 80, (Guid?)null, (Guid?)null));
        (await AuditActionsAsync(firstId)).ShouldBe(["ReportProgress", "ReturnProgressUpdate"]);
        (await AuditActionsAsync(revisionId)).ShouldBe(["ReportProgress", "AcceptProgressUpdate"]);

        // The secretariat sees who changed the assignment; the focal point does not.
        var audit = await secretariat.GetDocumentAsync(assignmentUrl);
        audit.QuerySelector("#audit-heading").ShouldNotBeNull();
        audit.QuerySelectorAll(".audit-timeline > li").Length.ShouldBeGreaterThanOrEqualTo(3, "reported, returned, revised and accepted");
        after.QuerySelector("#audit-heading").ShouldBeNull();
    }

    [Fact]
    public async Task ReportForm_FromAReminderLinkWhileSignedOut_SignsInAndComesBackToTheForm()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var url = $"/assignments/{plan.AssignmentIds["INM"]}/report";
        using var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var challenge = await client.GetAsync(url);
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = challenge.Headers.Location!;
        signIn.AbsolutePath.ShouldBe("/account/sign-in");

        var signedIn = await client.SubmitFormAsync(signIn.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = TestPeople.FocalDom,
            ["Input.Password"] = TestPeople.DemoPassword,
        });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe(url);
        (await client.GetDocumentAsync(url)).QuerySelector("form.progress-form").ShouldNotBeNull();
    }

    [Fact]
    public async Task ReportForm_InSpanish_ShowsTheWrongLinkInASpanishMessage()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await BrowserAsync(TestPeople.FocalDom, "es");

        var response = await focal.SubmitFormAsync(
            $"/assignments/{assignmentId}/report", Fields("InProgress", "40", "Se avanzó.", "ftp://datos"), "form.progress-form");

        var page = await response.ReadDocumentAsync();
        page.QuerySelector("#evidence-link-0-error")!.TextContent.ShouldBe("«ftp://datos» no es un enlace web (http o https).");
        await ShouldHaveNoUpdatesAsync(assignmentId);
    }

    [Fact]
    public async Task ReportForm_EmptyNarrativeAndPercent150_ShowsTheMessagesBesideTheFieldsAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await BrowserAsync(TestPeople.FocalDom);

        var response = await focal.SubmitFormAsync(
            $"/assignments/{assignmentId}/report", Fields("InProgress", "150", "   ", "not a link"), "form.progress-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("#narrative-error")!.TextContent.ShouldBe("Describe what was done.");
        page.QuerySelector("#percent-error")!.TextContent.ShouldBe("The percent complete must be between 0 and 100.");
        page.QuerySelector("#evidence-link-0-error")!.TextContent.ShouldContain("is not a web link");
        page.QuerySelector("#narrative-error")!.ClassList.ShouldContain("field-validation-error");
        page.QuerySelector(".validation-summary-errors").ShouldNotBeNull();
        // What was typed comes back, so nothing needs typing twice.
        page.QuerySelector<IHtmlInputElement>("input[name='Input.PercentComplete']")!.Value.ShouldBe("150");
        page.QuerySelector<IHtmlInputElement>("input[name='Input.EvidenceLinks[0]']")!.Value.ShouldBe("not a link");
        await ShouldHaveNoUpdatesAsync(assignmentId);
    }

    [Fact]
    public async Task ReportForm_BrokenRuleInSpanish_ShowsTheSpanishSentenceAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await BrowserAsync(TestPeople.FocalDom, culture: "es");

        var response = await focal.SubmitFormAsync(
            $"/assignments/{assignmentId}/report", Fields("Completed", "50", Narrative), "form.progress-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Una asignación completada tiene un avance del 100 %.");
        await ShouldHaveNoUpdatesAsync(assignmentId);
    }

    [Fact]
    public async Task ReportForm_UnreadableStatusAndPercent_SayWhatToEnterInsteadOfTheBindersMessage()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await BrowserAsync(TestPeople.FocalDom);

        var response = await focal.SubmitFormAsync(
            $"/assignments/{assignmentId}/report",
            new Dictionary<string, string> { ["Input.Status"] = "Finished", ["Input.PercentComplete"] = "half", ["Input.Narrative"] = Narrative },
            "form.progress-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("#status-error")!.TextContent.ShouldBe("Choose the status of the assignment.");
        page.QuerySelector("#percent-error")!.TextContent.ShouldBe("Enter the percent complete, a whole number from 0 to 100.");
        await ShouldHaveNoUpdatesAsync(assignmentId);
    }

    [Fact]
    public async Task ReportForm_AddAnotherLinkWithoutJavaScript_ComesBackWithOneMoreFieldAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await BrowserAsync(TestPeople.FocalDom);
        var url = $"/assignments/{assignmentId}/report";
        var form = await focal.GetDocumentAsync(url);
        var addLink = form.QuerySelector("button.add-link")!;
        addLink.GetAttribute("formaction").ShouldBe($"{url}?handler=AddLink");

        var fields = Fields("InProgress", "30", Narrative, "https://example.org/a", "https://example.org/b", "https://example.org/c");
        var response = await focal.SubmitFormAsync(url, fields, "form.progress-form");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the plain submit button sends the report");
        await app.WithDbAsync(async db => (await db.ProgressUpdates.SingleAsync(u => u.AssignmentId == assignmentId)).EvidenceLinks.Count.ShouldBe(3));

        var other = await app.CreatePlanAsync(["INM"], ["INM"]);
        var otherUrl = $"/assignments/{other.AssignmentIds["INM"]}/report";
        var page = await PostWithTokenAsync(focal, otherUrl, $"{otherUrl}?handler=AddLink", fields);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await page.ReadDocumentAsync();
        var inputs = again.QuerySelectorAll<IHtmlInputElement>(".evidence-link input").ToList();
        inputs.Count.ShouldBe(4);
        inputs.Select(i => i.Value).ShouldBe(["https://example.org/a", "https://example.org/b", "https://example.org/c", ""]);
        again.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Narrative']")!.Value.ShouldBe(Narrative);
        again.QuerySelector(".field-validation-error").ShouldBeNull();
        await ShouldHaveNoUpdatesAsync(other.AssignmentIds["INM"]);
    }

    [Fact]
    public async Task ReportForm_WhereTheForumDoesNotRequireValidation_SaysRecordedAndGoesBackToTheLocalReturnUrl()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await BrowserAsync(TestPeople.FocalDom);

        var response = await focal.SubmitFormAsync(
            $"/assignments/{assignmentId}/report?returnUrl=%2F%3Fcame%3Dhome", Fields("InProgress", "35", Narrative), "form.progress-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/?came=home");
        var page = await focal.GetDocumentAsync($"/assignments/{assignmentId}");
        Notice(page).ShouldBe("Your update was recorded.");
        page.QuerySelector(".official-percent")!.TextContent.ShouldBe("35 %");
        page.QuerySelector(".awaiting-panel").ShouldBeNull();
    }

    [Fact]
    public async Task ReportForm_ReturnUrlElsewhere_GoesBackToTheAssignmentInstead()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var focal = await BrowserAsync(TestPeople.FocalDom);

        var response = await focal.SubmitFormAsync(
            $"/assignments/{assignmentId}/report?returnUrl=https%3A%2F%2Fevil.example.org%2F", Fields("InProgress", "20", Narrative), "form.progress-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/assignments/{assignmentId}");
    }

    [Fact]
    public async Task ReportForm_WhileAnUpdateAwaitsValidation_SaysSoInsteadOfOfferingTheForm_AndADoubleSubmitCreatesOneUpdate()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        var url = $"/assignments/{assignmentId}/report";
        using var focal = await BrowserAsync(TestPeople.FocalDom);
        var form = await focal.GetDocumentAsync(url);
        var token = form.QuerySelector<IHtmlInputElement>("form.progress-form input[name=__RequestVerificationToken]")!.Value;
        var key = form.QuerySelector<IHtmlInputElement>("input[name='Input.IdempotencyKey']")!.Value;
        var fields = new Dictionary<string, string>(Fields("InProgress", "40", Narrative))
        {
            ["__RequestVerificationToken"] = token,
            ["Input.IdempotencyKey"] = key,
        };

        // The same form sent twice (a double click on a slow line) is one update, and both answers are a success.
        (await focal.PostAsync(url, new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await focal.PostAsync(url, new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(1);

        var blocked = await focal.GetDocumentAsync(url);
        blocked.QuerySelector(".report-blocked")!.TextContent.ShouldContain("An update is already awaiting validation.");
        blocked.QuerySelector("form.progress-form").ShouldBeNull();
    }

    [Fact]
    public async Task ReportForm_FocalPointOfAnotherOrganization_GetsNotAllowedAndCannotPost()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        var url = $"/assignments/{assignmentId}/report";
        using var mexico = await BrowserAsync(TestPeople.FocalMex);

        var response = await mexico.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Not allowed");
        page.QuerySelector("form.progress-form").ShouldBeNull();

        var posted = await PostWithTokenAsync(mexico, url, url, Fields("InProgress", "50", Narrative));
        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ShouldHaveNoUpdatesAsync(assignmentId);

        // They may read the assignment of a forum they take part in, without the report button.
        var details = await mexico.GetDocumentAsync($"/assignments/{assignmentId}");
        details.QuerySelector("h1")!.TextContent.ShouldContain("Draft a regional glossary");
        details.QuerySelector(".report-link").ShouldBeNull();
    }

    [Fact]
    public async Task AssignmentPages_OfAForumNotTheirs_AreNotFoundForAFocalPoint()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        using var mexico = await BrowserAsync(TestPeople.FocalMex);

        var report = await mexico.GetAsync($"/assignments/{assignmentId}/report");
        report.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await report.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
        (await mexico.GetAsync($"/assignments/{assignmentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostWithTokenAsync(mexico, $"/assignments/{assignmentId}/report", $"/assignments/{assignmentId}/report", Fields("InProgress", "50", Narrative)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ShouldHaveNoUpdatesAsync(assignmentId);
        (await mexico.GetAsync($"/assignments/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ValidationQueue_ViewerAndFocalPoint_AreNotAllowed_AndCannotAccept()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var updateId = await ReportThroughApiAsync(plan.AssignmentIds["INM"], 40);

        foreach (var email in new[] { TestPeople.Viewer, TestPeople.FocalDom })
        {
            using var client = await BrowserAsync(email);
            var response = await client.GetAsync("/validation");
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Not allowed");

            var accept = await PostWithTokenAsync(
                client, $"/assignments/{plan.AssignmentIds["INM"]}", "/validation?handler=Accept",
                new Dictionary<string, string> { ["updateId"] = updateId.ToString() });
            accept.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await app.WithDbAsync(db => db.ProgressUpdates.SingleAsync(u => u.Id == updateId))).State.ShouldBe(ProgressUpdateState.Submitted);
        (await AuditActionsAsync(updateId)).ShouldBe(["ReportProgress"]);
    }

    [Fact]
    public async Task ValidationQueue_FilteredByForum_CountsOldestFirstAndComparesWithTheOfficialFigures()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE", "MIG-MEX"], ["INM", "ONE", "MIG-MEX"]);
        var first = await ReportThroughApiAsync(plan.AssignmentIds["ONE"], 10);
        var second = await ReportThroughApiAsync(plan.AssignmentIds["INM"], 20);
        var third = await ReportThroughApiAsync(plan.AssignmentIds["MIG-MEX"], 30);
        using var secretariat = await BrowserAsync(TestPeople.Secretariat);

        var page = await secretariat.GetDocumentAsync($"/validation?forumId={plan.ForumId}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Validation queue");
        page.QuerySelector(".queue-count")!.TextContent.Trim().ShouldBe("3 updates await validation");
        page.QuerySelectorAll(".queue-item").Select(i => i.GetAttribute("data-update-id")).ShouldBe([first.ToString(), second.ToString(), third.ToString()]);
        var item = page.QuerySelector($"li[data-update-id='{second}']")!;
        item.TextContent.ShouldContain("National Migration Institute of the Dominican Republic (INM)");
        item.QuerySelector(".reported")!.TextContent.ShouldContain("20 %");
        item.QuerySelector(".reported .status")!.TextContent.ShouldBe("In progress");
        item.QuerySelector(".official .status")!.TextContent.ShouldBe("Not started");
        item.QuerySelector(".official")!.TextContent.ShouldContain("0 %");
        page.QuerySelector<IHtmlSelectElement>("#filter-forum")!.Value.ShouldBe(plan.ForumId.ToString());

        var byOrganization = await secretariat.GetDocumentAsync($"/validation?forumId={plan.ForumId}&organizationId={plan.OrganizationIds["INM"]}");
        byOrganization.QuerySelectorAll(".queue-item").Select(i => i.GetAttribute("data-update-id")).ShouldBe([second.ToString()]);
        byOrganization.QuerySelector(".queue-count")!.TextContent.Trim().ShouldBe("1 update awaits validation");

        var paged = await secretariat.GetDocumentAsync($"/validation?forumId={plan.ForumId}&page=2");
        paged.QuerySelectorAll(".queue-item").ShouldBeEmpty("three updates fit on the first page");
    }

    [Fact]
    public async Task ValidationQueue_NothingPending_ShowsTheEmptyState()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await BrowserAsync(TestPeople.Secretariat);

        var page = await secretariat.GetDocumentAsync($"/validation?forumId={plan.ForumId}");

        page.QuerySelector(".queue-count")!.TextContent.Trim().ShouldBe("0 updates await validation");
        page.QuerySelector(".empty-state")!.TextContent.ShouldStartWith("Nothing awaits validation");
        page.QuerySelector(".queue-item").ShouldBeNull();
    }

    [Fact]
    public async Task ValidationQueue_ReturnWithoutComment_ShowsTheMessageBesideTheCommentAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var updateId = await ReportThroughApiAsync(plan.AssignmentIds["INM"], 40);
        using var secretariat = await BrowserAsync(TestPeople.Secretariat);
        var url = $"/validation?forumId={plan.ForumId}";

        var response = await secretariat.SubmitFormAsync(
            url, new Dictionary<string, string> { ["comment"] = "  " }, $"li[data-update-id='{updateId}'] form.return-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector($"#comment-{updateId}-error")!.TextContent.ShouldBe("Say what needs to change: returning an update needs a comment.");
        page.QuerySelector($"#comment-{updateId}")!.ClassList.ShouldContain("is-invalid");
        (await app.WithDbAsync(db => db.ProgressUpdates.SingleAsync(u => u.Id == updateId))).State.ShouldBe(ProgressUpdateState.Submitted);
        (await AuditActionsAsync(updateId)).ShouldBe(["ReportProgress"]);
    }

    [Fact]
    public async Task ValidationQueue_AcceptingAnUpdateAlreadyReturned_ShowsTheRuleAndChangesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        var updateId = await ReportThroughApiAsync(assignmentId, 40);
        using var secretariat = await BrowserAsync(TestPeople.Secretariat);
        var url = $"/validation?forumId={plan.ForumId}";
        var queue = await secretariat.GetDocumentAsync(url);
        var token = queue.QuerySelector<IHtmlInputElement>($"li[data-update-id='{updateId}'] form.accept-form input[name=__RequestVerificationToken]")!.Value;

        // Someone else returned it in the meantime.
        using var api = app.CreateApiClient();
        await api.SignInWithTokenAsync(TestPeople.Secretariat);
        (await api.PostAsJsonAsync($"/api/progress-updates/{updateId}/return", new { comment = "Add the link." })).EnsureSuccessStatusCode();

        var response = await secretariat.PostAsync($"{url}&handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["updateId"] = updateId.ToString(),
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent
            .ShouldContain("Only an update awaiting validation can be accepted; this one is already returned.");
        (await app.WithDbAsync(db => db.AssignmentStatuses.AsNoTracking().SingleAsync(s => s.AssignmentId == assignmentId))).Status
            .ShouldBe(AssignmentStatus.NotStarted);
        (await AuditActionsAsync(updateId)).ShouldBe(["ReportProgress", "ReturnProgressUpdate"]);
    }

    [Fact]
    public async Task AssignmentPage_Secretariat_AcceptsRightThereAndReturnNeedsAComment()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        var updateId = await ReportThroughApiAsync(assignmentId, 45);
        using var secretariat = await BrowserAsync(TestPeople.Secretariat);
        var url = $"/assignments/{assignmentId}";

        var refused = await secretariat.SubmitFormAsync(url, new Dictionary<string, string> { ["comment"] = "" }, ".awaiting-panel form.return-form");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ReadDocumentAsync()).QuerySelector("#return-comment-error")!.TextContent
            .ShouldBe("Say what needs to change: returning an update needs a comment.");
        (await AuditActionsAsync(updateId)).ShouldBe(["ReportProgress"]);

        var accepted = await secretariat.SubmitFormAsync(url, new Dictionary<string, string>(), ".awaiting-panel form.accept-form");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe(url);
        var page = await secretariat.GetDocumentAsync(url);
        Notice(page).ShouldStartWith("The update was accepted");
        page.QuerySelector(".official-percent")!.TextContent.ShouldBe("45 %");
        (await AuditActionsAsync(updateId)).ShouldBe(["ReportProgress", "AcceptProgressUpdate"]);
    }

    [Fact]
    public async Task Pages_InSpanish_ShowSpanishHeadingsAndLabels()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];

        // The Dominican focal point prefers Spanish: no switch needed.
        using var focal = await BrowserAsync(TestPeople.FocalDom, culture: null);
        var form = await focal.GetDocumentAsync($"/assignments/{assignmentId}/report");
        form.DocumentElement.GetAttribute("lang").ShouldBe("es");
        form.QuerySelector("h1")!.TextContent.ShouldBe("Informar avance");
        form.QuerySelector("label[for='Input_PercentComplete']")!.TextContent.ShouldContain("Porcentaje de avance");
        form.QuerySelector("label[for='status-OnHold']")!.TextContent.ShouldBe("En pausa");
        form.QuerySelector("button.submit-update")!.TextContent.Trim().ShouldBe("Enviar informe");
        var details = await focal.GetDocumentAsync($"/assignments/{assignmentId}");
        details.QuerySelector("#history-heading")!.TextContent.ShouldBe("Informes de avance");

        using var secretariat = await BrowserAsync(TestPeople.Secretariat, culture: "es");
        var queue = await secretariat.GetDocumentAsync($"/validation?forumId={plan.ForumId}");
        queue.QuerySelector("h1")!.TextContent.ShouldBe("Bandeja de validación");
        queue.QuerySelector(".empty-state")!.TextContent.ShouldStartWith("No hay informes pendientes de validación");
    }

    private static Dictionary<string, string> Fields(string status, string percent, string narrative, params string[] links)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Status"] = status,
            ["Input.PercentComplete"] = percent,
            ["Input.Narrative"] = narrative,
        };
        for (var i = 0; i < links.Length; i++)
            fields[$"Input.EvidenceLinks[{i}]"] = links[i];
        return fields;
    }

    private static string? Notice(IHtmlDocument page) => page.QuerySelector("main .alert-success")?.TextContent.Trim();

    /// <summary>
    /// A browser: it asks for HTML (so errors come as pages), keeps cookies, signs in through the sign-in page and, when
    /// asked, chooses the language with the top bar's switch.
    /// </summary>
    private async Task<HttpClient> BrowserAsync(string email, string? culture = "en")
    {
        var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        if (culture is not null)
        {
            var switched = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["culture"] = culture }, "form.language-switch");
            switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var signedIn = await client.SignInWithCookieAsync(email);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Posts to a page whose form the person never got (refused), with the antiforgery token of a page they can open.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(
        HttpClient client, string tokenPage, string url, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(tokenPage);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private async Task<Guid> ReportThroughApiAsync(Guid assignmentId, int percent)
    {
        using var api = app.CreateApiClient();
        await api.SignInWithTokenAsync(TestPeople.Secretariat);
        var response = await api.PostAsJsonAsync($"/api/assignments/{assignmentId}/progress-updates", new
        {
            status = "InProgress",
            percentComplete = percent,
            narrative = Narrative,
            evidenceLinks = new[] { "https://example.org/evidence" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IdOnly>(HttpClientExtensions.Json))!.Id;
    }

    /// <summary>An assignment of the demo forum, found by its action point's code and its organization's acronym.</summary>
    private async Task<(Guid AssignmentId, Guid ForumId)> DemoAssignmentAsync(string code, string acronym)
    {
        var found = await app.WithDbAsync(db => (
                from a in db.Assignments
                join p in db.ActionPoints on a.ActionPointId equals p.Id
                join o in db.Organizations on a.OrganizationId equals o.Id
                where p.Code == code && o.Acronym == acronym
                select new { a.Id, p.ForumId })
            .SingleAsync());
        return (found.Id, found.ForumId);
    }

    private async Task ShouldHaveNoUpdatesAsync(Guid assignmentId)
    {
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.AssignmentId == assignmentId))).ShouldBe(0);
        (await app.WithDbAsync(db => db.AssignmentStatuses.AsNoTracking().SingleAsync(s => s.AssignmentId == assignmentId))).LastUpdateAt.ShouldBeNull();
    }

    private Task<List<string>> AuditActionsAsync(Guid updateId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == updateId)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => a.Action)
            .ToListAsync());

    private sealed record IdOnly(Guid Id);
}

public sealed class ProgressPagesTestsOnSqlite(SqliteApp app) : ProgressPagesTests<SqliteApp>(app);

public sealed class ProgressPagesTestsOnPostgreSql(PostgreSqlApp app) : ProgressPagesTests<PostgreSqlApp>(app);
