using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Domain.Notifications;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Imports;

/// <summary>
/// An import announces its new assignments in one mail per focal point of each organization, with the count, instead of
/// one mail per assignment; assignments made one at a time keep their own mail.
/// </summary>
public abstract class ImportMailsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : NotificationsApp
{
    [Fact]
    public async Task Import_AssigningThreeOrganizations_MailsEachFocalPointOnceWithTheCountInTheirLanguage()
    {
        var (first, second, third) = (await app.NewOrganizationAsync(), await app.NewOrganizationAsync(), await app.NewOrganizationAsync());
        var english = await app.NewPersonAsync(Roles.FocalPoint, first, "en");
        var spanish = await app.NewPersonAsync(Roles.FocalPoint, first, "es");
        var inSecond = await app.NewPersonAsync(Roles.FocalPoint, second, "es");
        var inThird = await app.NewPersonAsync(Roles.FocalPoint, third, "en");
        var viewer = await app.NewPersonAsync(Roles.Viewer, third);
        var deactivated = await app.NewPersonAsync(Roles.FocalPoint, third, active: false);
        var people = new[] { english, spanish, inSecond, inThird, viewer, deactivated }.Select(p => p.Email!).ToList();
        var forumId = await app.CreateForumAsync();
        var forumTitle = await app.WithDbAsync(db => db.Forums.Where(f => f.Id == forumId).Select(f => f.Title).SingleAsync());
        var file = await PlanAsync(("X-1", first), ("X-2", first), ("X-3", first), ("X-1", second), ("X-2", second), ("X-3", third));
        using var client = await SecretariatAsync();

        var report = await client.ImportAsync(forumId, file);

        report.AssignmentsCreated.ShouldBe(6);
        var mails = await MailsToAsync(people);
        mails.Select(m => (m.To, m.Kind, m.Language)).ShouldBe(
        [
            (english.Email!, MailKinds.AssignedByImport, "en"),
            (spanish.Email!, MailKinds.AssignedByImport, "es"),
            (inSecond.Email!, MailKinds.AssignedByImport, "es"),
            (inThird.Email!, MailKinds.AssignedByImport, "en"),
        ], ignoreOrder: true);
        var home = TestHost.PublicBaseUrl + "/";
        Mail(mails, english).Subject.ShouldBe($"3 action points of {forumTitle} were assigned to your organization");
        Mail(mails, english).TextBody.ShouldContain("received 3 new assignments.");
        Mail(mails, english).TextBody.ShouldContain(home);
        Mail(mails, spanish).Subject.ShouldBe($"Se asignaron 3 puntos de acción de {forumTitle} a su organización");
        Mail(mails, spanish).TextBody.ShouldContain("recibió 3 asignaciones nuevas.");
        Mail(mails, inSecond).TextBody.ShouldContain("recibió 2 asignaciones nuevas.");
        Mail(mails, inThird).Subject.ShouldBe($"1 action point of {forumTitle} was assigned to your organization");
        Mail(mails, inThird).HtmlBody.ShouldContain("received 1 new assignment.");
        Mail(mails, inThird).HtmlBody.ShouldContain($"href=\"{home}\"");

        await app.RunDispatcherAsync();
        app.Transport.SentTo(spanish.Email!).ShouldHaveSingleItem().Subject.ShouldStartWith("Se asignaron 3 puntos de acción");
    }

    [Fact]
    public async Task Import_TheSameFileAgain_WritesNoMail()
    {
        var organization = await app.NewOrganizationAsync();
        var focalPoint = await app.NewPersonAsync(Roles.FocalPoint, organization);
        var forumId = await app.CreateForumAsync();
        var file = await PlanAsync(("Y-1", organization), ("Y-2", organization));
        using var client = await SecretariatAsync();
        (await client.ImportAsync(forumId, file)).AssignmentsCreated.ShouldBe(2);
        var before = await MailsToAsync([focalPoint.Email!]);

        var again = await client.ImportAsync(forumId, file);

        (again.AssignmentsCreated, again.Unchanged).ShouldBe((0, 1 + 2 + 2));
        before.ShouldHaveSingleItem().Kind.ShouldBe(MailKinds.AssignedByImport);
        (await MailsToAsync([focalPoint.Email!])).Select(m => m.Id).ShouldBe(before.Select(m => m.Id));
    }

    [Fact]
    public async Task Import_DryRun_WritesNoMail()
    {
        var organization = await app.NewOrganizationAsync();
        var focalPoint = await app.NewPersonAsync(Roles.FocalPoint, organization);
        var forumId = await app.CreateForumAsync();
        using var client = await SecretariatAsync();

        (await client.ImportAsync(forumId, await PlanAsync(("Z-1", organization)), dryRun: true)).AssignmentsCreated.ShouldBe(1);

        (await MailsToAsync([focalPoint.Email!])).ShouldBeEmpty();
    }

    [Fact]
    public async Task AssignActionPoint_AfterAnImport_StillMailsTheAssignmentItself()
    {
        var (imported, assignedLater) = (await app.NewOrganizationAsync(), await app.NewOrganizationAsync());
        var later = await app.NewPersonAsync(Roles.FocalPoint, assignedLater, "es");
        var forumId = await app.CreateForumAsync();
        using var client = await SecretariatAsync();
        await client.ImportAsync(forumId, await PlanAsync(("W-1", imported)));
        var actionPointId = await app.WithDbAsync(db => db.ActionPoints.Where(a => a.ForumId == forumId && a.Code == "W-1").Select(a => a.Id).SingleAsync());

        var response = await client.PostAsJsonAsync($"/api/action-points/{actionPointId}/assignments", new { organizationId = assignedLater, role = "Supporting" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var assignmentId = (await response.Content.ReadFromJsonAsync<IdResponse>(HttpClientExtensions.Json))!.Id;
        var mail = (await MailsToAsync([later.Email!])).ShouldHaveSingleItem();
        (mail.Kind, mail.DeduplicationKey, mail.Language).ShouldBe((MailKinds.Assigned, ChangeMailsHandler.AssignedKey(assignmentId, later.Id), "es"));
        mail.Subject.ShouldBe("Se asignó un punto de acción a su organización: W-1 — Publish the W-1 inventory");
    }

    private static OutboxMessage Mail(List<OutboxMessage> mails, ApplicationUser to) => mails.Single(m => m.To == to.Email);

    private Task<List<OutboxMessage>> MailsToAsync(List<string> emails) => app.MailsAsync(m => emails.Contains(m.To));

    /// <summary>A plan file with one conclusion, assigning each action point to the organizations given: the first leads.</summary>
    private async Task<byte[]> PlanAsync(params (string Code, Guid OrganizationId)[] assignments)
    {
        var rows = new List<Coordination.Application.Imports.PlanRow>();
        var led = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, organizationId) in assignments)
            rows.Add(PlanFiles.Row(1, code, await app.AcronymAsync(organizationId), "DOM", led.Add(code) ? "Lead" : "Supporting"));
        return PlanFiles.Csv(rows);
    }

    private async Task<HttpClient> SecretariatAsync()
    {
        var secretariat = await app.NewPersonAsync(Roles.Secretariat, await app.NewOrganizationAsync());
        return await app.SignedInAsync(secretariat.Email!);
    }

    private sealed record IdResponse(Guid Id);
}

public sealed class ImportMailsTestsOnSqlite(SqliteNotificationsApp app) : ImportMailsTests<SqliteNotificationsApp>(app);

public sealed class ImportMailsTestsOnPostgreSql(PostgreSqlNotificationsApp app) : ImportMailsTests<PostgreSqlNotificationsApp>(app);
