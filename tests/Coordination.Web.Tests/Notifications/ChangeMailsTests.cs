using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Notifications;

/// <summary>The mails caused by changes made through the API: written with the change, nudged after it, sent once, links that open.</summary>
public abstract class ChangeMailsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : NotificationsApp
{
    [Fact]
    public async Task AssignActionPoint_ThroughTheApi_MailsTheOrganizationsActiveFocalPointsInTheirLanguage()
    {
        var (participant, assigned) = (await app.NewOrganizationAsync(), await app.NewOrganizationAsync());
        var english = await app.NewPersonAsync(Roles.FocalPoint, assigned, "en");
        var spanish = await app.NewPersonAsync(Roles.FocalPoint, assigned, "es");
        await app.NewPersonAsync(Roles.Viewer, assigned);
        await app.NewPersonAsync(Roles.FocalPoint, assigned, active: false);
        await app.NewPersonAsync(Roles.FocalPoint, participant);
        var plan = await app.NewPlanAsync([participant], due: app.Today.AddDays(200));
        using var client = await SecretariatAsync();
        var enqueuedBefore = app.EnqueuedDispatcherRuns();

        var response = await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments", new { organizationId = assigned, role = "Supporting" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var assignmentId = (await response.Content.ReadFromJsonAsync<IdResponse>(HttpClientExtensions.Json))!.Id;
        app.EnqueuedDispatcherRuns().ShouldBe(enqueuedBefore + 1);
        // Exactly these, and none to the viewer, the deactivated focal point or the other organization's focal point.
        var mails = await app.MailsAsync(m => m.DeduplicationKey.StartsWith($"assigned:{assignmentId}:"));
        mails.Select(m => (m.To, m.DeduplicationKey, m.Kind, m.Language)).ShouldBe(
        [
            (english.Email!, ChangeMailsHandler.AssignedKey(assignmentId, english.Id), MailKinds.Assigned, "en"),
            (spanish.Email!, ChangeMailsHandler.AssignedKey(assignmentId, spanish.Id), MailKinds.Assigned, "es"),
        ], ignoreOrder: true);

        await app.RunDispatcherAsync();
        await app.RunDispatcherAsync();

        var link = $"{TestHost.PublicBaseUrl}/assignments/{assignmentId}/report";
        var inSpanish = app.Transport.SentTo(spanish.Email!).ShouldHaveSingleItem();
        inSpanish.Subject.ShouldStartWith("Se asignó un punto de acción a su organización: T-");
        inSpanish.TextBody.ShouldContain(link);
        var inEnglish = app.Transport.SentTo(english.Email!).ShouldHaveSingleItem();
        inEnglish.Subject.ShouldStartWith("An action point was assigned to your organization: T-");
        inEnglish.HtmlBody.ShouldContain($"href=\"{link}\"");
        await LinkOpensAsync(english, link);
    }

    [Fact]
    public async Task BulkAssign_ThroughTheApi_MailsEachOrganizationsFocalPoints()
    {
        var (first, second, third) = (await app.NewOrganizationAsync(), await app.NewOrganizationAsync(), await app.NewOrganizationAsync());
        var inFirst = await app.NewPersonAsync(Roles.FocalPoint, first);
        var inSecond = await app.NewPersonAsync(Roles.FocalPoint, second, "es");
        var inThird = await app.NewPersonAsync(Roles.FocalPoint, third);
        var plan = await app.NewPlanAsync([first], due: app.Today.AddDays(200));
        using var client = await SecretariatAsync();
        var enqueuedBefore = app.EnqueuedDispatcherRuns();

        var response = await client.PostAsJsonAsync($"/api/action-points/{plan.ActionPointId}/assignments/bulk",
            new { organizationIds = new[] { first, second, third }, role = "Supporting" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        app.EnqueuedDispatcherRuns().ShouldBe(enqueuedBefore + 1);
        // The first was assigned when the plan was made and is skipped, so it gets its one mail from then only.
        var mails = await app.MailsAsync(m => m.Kind == MailKinds.Assigned && (m.To == inFirst.Email || m.To == inSecond.Email || m.To == inThird.Email));
        mails.Select(m => (m.To, m.Language)).ShouldBe([(inFirst.Email!, "en"), (inSecond.Email!, "es"), (inThird.Email!, "en")], ignoreOrder: true);
    }

    [Fact]
    public async Task ReturnProgressUpdate_ThroughTheApi_MailsOnlyTheSubmitterTheCommentAndARevisionLink()
    {
        var organization = await app.NewOrganizationAsync();
        var submitter = await app.NewPersonAsync(Roles.FocalPoint, organization, "es");
        var colleague = await app.NewPersonAsync(Roles.FocalPoint, organization, "en");
        var plan = await app.NewPlanAsync([organization], due: app.Today.AddDays(200));
        var assignmentId = plan.AssignmentIds.Values.Single();
        var updateId = await ReportThroughTheApiAsync(submitter, assignmentId);
        using var client = await SecretariatAsync();
        var enqueuedBefore = app.EnqueuedDispatcherRuns();

        var response = await client.PostAsJsonAsync($"/api/progress-updates/{updateId}/return", new { comment = "Attach the published table, please." });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.EnqueuedDispatcherRuns().ShouldBe(enqueuedBefore + 1);
        var mail = (await app.MailsAsync(m => m.Kind == MailKinds.Returned && (m.To == submitter.Email || m.To == colleague.Email))).ShouldHaveSingleItem();
        (mail.To, mail.DeduplicationKey, mail.Language).ShouldBe((submitter.Email!, ChangeMailsHandler.ReturnedKey(updateId, submitter.Id), "es"));
        mail.Subject.ShouldBe("Su informe fue devuelto: Attach the published table, please.");
        var link = $"{TestHost.PublicBaseUrl}/assignments/{assignmentId}/report?revisionOf={updateId}";
        mail.TextBody.ShouldContain(link);
        mail.TextBody.ShouldContain("> Attach the published table, please.");
        var page = await LinkOpensAsync(submitter, link);
        page.ShouldContain(updateId.ToString());

        await app.RunDispatcherAsync();
        app.Transport.SentTo(submitter.Email!).Where(m => m.Subject.StartsWith("Su informe fue devuelto", StringComparison.Ordinal)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AcceptProgressUpdate_ThroughTheApi_MailsOnlyTheSubmitter()
    {
        var organization = await app.NewOrganizationAsync();
        var submitter = await app.NewPersonAsync(Roles.FocalPoint, organization, "en");
        var colleague = await app.NewPersonAsync(Roles.FocalPoint, organization, "es");
        var plan = await app.NewPlanAsync([organization], due: app.Today.AddDays(200));
        var assignmentId = plan.AssignmentIds.Values.Single();
        var updateId = await ReportThroughTheApiAsync(submitter, assignmentId);
        using var client = await SecretariatAsync();
        var enqueuedBefore = app.EnqueuedDispatcherRuns();

        var response = await client.PostAsync($"/api/progress-updates/{updateId}/accept", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.EnqueuedDispatcherRuns().ShouldBe(enqueuedBefore + 1);
        var mail = (await app.MailsAsync(m => m.Kind == MailKinds.Accepted && (m.To == submitter.Email || m.To == colleague.Email))).ShouldHaveSingleItem();
        (mail.To, mail.DeduplicationKey, mail.Language).ShouldBe((submitter.Email!, ChangeMailsHandler.AcceptedKey(updateId, submitter.Id), "en"));
        mail.Subject.ShouldStartWith("Your update was accepted: T-");
        mail.TextBody.ShouldContain("\"in progress\", 50 % complete");
        mail.TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/assignments/{assignmentId}/report");
    }

    [Fact]
    public async Task ReturnProgressUpdate_ByAFocalPoint_Is403AndWritesNoMail()
    {
        var organization = await app.NewOrganizationAsync();
        var submitter = await app.NewPersonAsync(Roles.FocalPoint, organization);
        var plan = await app.NewPlanAsync([organization], due: app.Today.AddDays(200));
        var updateId = await ReportThroughTheApiAsync(submitter, plan.AssignmentIds.Values.Single());
        using var client = await app.SignedInAsync(submitter.Email!);

        var response = await client.PostAsJsonAsync($"/api/progress-updates/{updateId}/return", new { comment = "Returning my own update." });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.MailsAsync(m => m.DeduplicationKey.StartsWith($"returned:{updateId}:"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReturnProgressUpdate_SubmittedByTheSameReviewer_WritesNoMail()
    {
        var organization = await app.NewOrganizationAsync();
        var plan = await app.NewPlanAsync([organization], due: app.Today.AddDays(200));
        var secretariat = await app.NewPersonAsync(Roles.Secretariat, await app.NewOrganizationAsync());
        using var client = await app.SignedInAsync(secretariat.Email!);
        var report = await client.PostAsJsonAsync($"/api/assignments/{plan.AssignmentIds.Values.Single()}/progress-updates",
            new { status = "InProgress", percentComplete = 20, narrative = "Reported by the secretariat on the institute's behalf." });
        report.StatusCode.ShouldBe(HttpStatusCode.Created);
        var updateId = (await report.Content.ReadFromJsonAsync<IdResponse>(HttpClientExtensions.Json))!.Id;

        var response = await client.PostAsJsonAsync($"/api/progress-updates/{updateId}/return", new { comment = "Wrong figures, I will redo it." });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.MailsAsync(m => m.DeduplicationKey.StartsWith($"returned:{updateId}:"))).ShouldBeEmpty();
    }

    private async Task<HttpClient> SecretariatAsync()
    {
        var secretariat = await app.NewPersonAsync(Roles.Secretariat, await app.NewOrganizationAsync());
        return await app.SignedInAsync(secretariat.Email!);
    }

    private async Task<Guid> ReportThroughTheApiAsync(ApplicationUser focalPoint, Guid assignmentId)
    {
        using var client = await app.SignedInAsync(focalPoint.Email!);
        var response = await client.PostAsJsonAsync($"/api/assignments/{assignmentId}/progress-updates",
            new { status = "InProgress", percentComplete = 50, narrative = "Half of the glossary is drafted." });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IdResponse>(HttpClientExtensions.Json))!.Id;
    }

    /// <summary>Follows a mail's link in a browser signed in as its recipient: the page opens (200), and its text is returned.</summary>
    private async Task<string> LinkOpensAsync(ApplicationUser recipient, string link)
    {
        link.ShouldStartWith(TestHost.PublicBaseUrl + "/");
        using var browser = app.CreateBrowserlikeClient();
        (await browser.SignInWithCookieAsync(recipient.Email!, TestPeople.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await browser.GetAsync(link[TestHost.PublicBaseUrl.Length..]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private sealed record IdResponse(Guid Id);
}

public sealed class ChangeMailsTestsOnSqlite(SqliteNotificationsApp app) : ChangeMailsTests<SqliteNotificationsApp>(app);

public sealed class ChangeMailsTestsOnPostgreSql(PostgreSqlNotificationsApp app) : ChangeMailsTests<PostgreSqlNotificationsApp>(app);
