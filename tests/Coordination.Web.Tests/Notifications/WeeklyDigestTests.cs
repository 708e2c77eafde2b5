using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Notifications;

/// <summary>
/// The digest reads everything the secretariat should chase, so this class holds one test on an app of its own: the
/// figures in the mail are exactly what the test arranged.
/// </summary>
public abstract class WeeklyDigestTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : NotificationsApp
{
    [Fact]
    public async Task WeeklyDigest_ToTheSecretariatWhoKeepIt_OncePerWeekWithEachKindOfFollowUp()
    {
        var secretariatOrganization = await app.NewOrganizationAsync();
        var english = await app.NewPersonAsync(Roles.Secretariat, secretariatOrganization, "en");
        var spanish = await app.NewPersonAsync(Roles.Secretariat, secretariatOrganization, "es");
        var optedOut = await app.NewPersonAsync(Roles.Secretariat, secretariatOrganization, "en");
        await app.NewPersonAsync(Roles.Secretariat, secretariatOrganization, active: false);
        using (var client = await app.SignedInAsync(optedOut.Email!))
            (await client.PutAsJsonAsync("/api/me/preferences", new { receivesDigest = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var today = app.Today;
        var (silent, pending, returned, accepted, late, overdue) = (
            await app.NewOrganizationAsync(), await app.NewOrganizationAsync(), await app.NewOrganizationAsync(),
            await app.NewOrganizationAsync(), await app.NewOrganizationAsync(), await app.NewOrganizationAsync());
        var focalPoint = await app.NewPersonAsync(Roles.FocalPoint, silent);
        var reviewed = await app.NewPlanAsync([silent, pending, returned, accepted], due: today.AddDays(200));
        var cycleId = await app.OpenCycleAsync(reviewed.ForumId, today, today.AddDays(10));
        var assignment = reviewed.AssignmentIds;
        await app.ReportAsync(assignment[await app.AcronymAsync(pending)], cycleId);
        await app.ReviewAsync(await app.ReportAsync(assignment[await app.AcronymAsync(returned)], cycleId), accept: false);
        await app.ReviewAsync(await app.ReportAsync(assignment[await app.AcronymAsync(accepted)], cycleId), accept: true);
        var lateCycle = await app.NewPlanAsync([late], due: today.AddDays(200));
        await app.OpenCycleAsync(lateCycle.ForumId, today.AddDays(-20), today.AddDays(-1));
        var overduePlan = await app.NewPlanAsync([overdue], due: today.AddDays(-1));

        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 1);
        app.MoveTo(monday, 7);
        await app.RunDigestAsync();
        await app.RunDigestAsync();
        app.MoveTo(monday.AddDays(3), 7);
        await app.RunDigestAsync();

        var week = Week(monday);
        var digests = await app.MailsAsync(m => m.Kind == MailKinds.Digest);
        digests.Select(m => (m.To, m.DeduplicationKey, m.Language)).ShouldBe(
        [
            (english.Email!, $"digest:{week}:{english.Id}", "en"),
            (spanish.Email!, $"digest:{week}:{spanish.Id}", "es"),
        ], ignoreOrder: true);
        (await app.MailsAsync(m => m.To == focalPoint.Email && m.Kind == MailKinds.Digest)).ShouldBeEmpty();

        var inEnglish = digests.Single(m => m.To == english.Email);
        inEnglish.Subject.ShouldBe(
            $"Weekly digest, week {ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue))} of {ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}: "
            + "reports missing 1, late 1, returned 1, awaiting validation 1");
        string Report(Guid assignmentId) => $"{TestHost.PublicBaseUrl}/assignments/{assignmentId}/report";
        inEnglish.TextBody.ShouldContain("Reports missing in open review cycles: 1");
        inEnglish.TextBody.ShouldContain(Report(assignment[await app.AcronymAsync(silent)]));
        inEnglish.TextBody.ShouldContain("Late reports (the review's deadline has passed): 1");
        inEnglish.TextBody.ShouldContain(Report(lateCycle.AssignmentIds.Values.Single()));
        inEnglish.TextBody.ShouldContain("Updates returned and not yet revised: 1");
        inEnglish.TextBody.ShouldContain(Report(assignment[await app.AcronymAsync(returned)]));
        inEnglish.TextBody.ShouldContain("Updates awaiting validation: 1");
        inEnglish.TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/assignments/{assignment[await app.AcronymAsync(pending)]}\n");
        inEnglish.TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/validation");
        inEnglish.TextBody.ShouldContain("Overdue action points: 1");
        inEnglish.TextBody.ShouldContain(Report(overduePlan.AssignmentIds.Values.Single()));
        inEnglish.TextBody.ShouldNotContain(assignment[await app.AcronymAsync(accepted)].ToString());
        inEnglish.HtmlBody.ShouldContain($"<a href=\"{Report(lateCycle.AssignmentIds.Values.Single())}\">");
        digests.Single(m => m.To == spanish.Email).Subject.ShouldStartWith("Resumen semanal, semana ");

        // The next week is a new digest, once again.
        app.MoveTo(monday.AddDays(7), 7);
        await app.RunDigestAsync();
        await app.RunDigestAsync();
        var nextWeek = Week(monday.AddDays(7));
        (await app.MailsAsync(m => m.Kind == MailKinds.Digest)).Select(m => m.DeduplicationKey).ShouldBe(
        [
            $"digest:{week}:{english.Id}", $"digest:{week}:{spanish.Id}",
            $"digest:{nextWeek}:{english.Id}", $"digest:{nextWeek}:{spanish.Id}",
        ], ignoreOrder: true);
    }

    private static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}";
    }
}

public sealed class WeeklyDigestTestsOnSqlite(SqliteNotificationsApp app) : WeeklyDigestTests<SqliteNotificationsApp>(app);

public sealed class WeeklyDigestTestsOnPostgreSql(PostgreSqlNotificationsApp app) : WeeklyDigestTests<PostgreSqlNotificationsApp>(app);
