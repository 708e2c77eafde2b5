using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Notifications;

/// <summary>
/// Reminders walked day by day with the fake clock: the job runs several times a day, as the hourly job does, and the
/// mails written are compared as a whole (recipient, offset, language), so any extra one fails the test.
/// </summary>
public abstract class ReviewRemindersTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : NotificationsApp
{
    [Fact]
    public async Task Reminders_AtFourteenSevenAndOneDays_GoOnceToTheFocalPointsWhoHaveNotReported()
    {
        var today = app.Today;
        var (orgA, orgB, orgC, orgD) = (await app.NewOrganizationAsync(), await app.NewOrganizationAsync(), await app.NewOrganizationAsync(), await app.NewOrganizationAsync());
        var a1 = await app.NewPersonAsync(Roles.FocalPoint, orgA, "en");
        var a2 = await app.NewPersonAsync(Roles.FocalPoint, orgA, "es");
        await app.NewPersonAsync(Roles.Viewer, orgA);
        await app.NewPersonAsync(Roles.FocalPoint, orgA, active: false);
        var b1 = await app.NewPersonAsync(Roles.FocalPoint, orgB, "es");
        var c1 = await app.NewPersonAsync(Roles.FocalPoint, orgC);
        await app.NewPersonAsync(Roles.FocalPoint, orgD);
        var plan = await app.NewPlanAsync([orgA, orgB, orgC, orgD], due: today.AddDays(300));
        var (assignmentA, assignmentB) = (plan.AssignmentIds[await app.AcronymAsync(orgA)], plan.AssignmentIds[await app.AcronymAsync(orgB)]);
        // D completed its action before the review: nothing is expected of it.
        var completed = await app.ReportAsync(plan.AssignmentIds[await app.AcronymAsync(orgD)], status: AssignmentStatus.Completed, percent: 100);
        await app.ReviewAsync(completed, accept: true);
        var deadline = today.AddDays(30);
        var cycleId = await app.OpenCycleAsync(plan.ForumId, today, deadline);
        // C reports after the opening without naming the cycle: reporting files it under the open cycle.
        using (var client = await app.SignedInAsync(c1.Email!))
        {
            var response = await client.PostAsJsonAsync($"/api/assignments/{plan.AssignmentIds[await app.AcronymAsync(orgC)]}/progress-updates",
                new { status = "InProgress", percentComplete = 10, narrative = "The working group was set up." });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        app.MoveTo(deadline.AddDays(-15), 12);
        await app.RunRemindersAsync();
        (await RemindersAsync(cycleId)).ShouldBeEmpty();

        app.MoveTo(deadline.AddDays(-14), 0, 30);
        await app.RunRemindersAsync();
        app.MoveTo(deadline.AddDays(-14), 18);
        await app.RunRemindersAsync();

        // B reports through the API for the cycle and drops out of the later reminders.
        using (var client = await app.SignedInAsync(b1.Email!))
        {
            var response = await client.PostAsJsonAsync($"/api/assignments/{assignmentB}/progress-updates",
                new { status = "InProgress", percentComplete = 50, narrative = "Half of the glossary is drafted.", reviewCycleId = cycleId });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        foreach (var daysBefore in new[] { 7, 1 })
        {
            app.MoveTo(deadline.AddDays(-daysBefore), 9);
            await app.RunRemindersAsync();
            await app.RunRemindersAsync();
        }

        app.MoveTo(deadline, 9);
        await app.RunRemindersAsync();
        app.MoveTo(deadline.AddDays(1), 9);
        await app.RunRemindersAsync();

        var reminders = await RemindersAsync(cycleId);
        reminders.Select(m => (m.To, m.DeduplicationKey, m.Kind, m.Language)).ShouldBe(new[]
        {
            (a1.Email!, SendReviewRemindersHandler.Key(cycleId, 14, a1.Id), MailKinds.Reminder, "en"),
            (a2.Email!, SendReviewRemindersHandler.Key(cycleId, 14, a2.Id), MailKinds.Reminder, "es"),
            (b1.Email!, SendReviewRemindersHandler.Key(cycleId, 14, b1.Id), MailKinds.Reminder, "es"),
            (a1.Email!, SendReviewRemindersHandler.Key(cycleId, 7, a1.Id), MailKinds.Reminder, "en"),
            (a2.Email!, SendReviewRemindersHandler.Key(cycleId, 7, a2.Id), MailKinds.Reminder, "es"),
            (a1.Email!, SendReviewRemindersHandler.Key(cycleId, 1, a1.Id), MailKinds.Reminder, "en"),
            (a2.Email!, SendReviewRemindersHandler.Key(cycleId, 1, a2.Id), MailKinds.Reminder, "es"),
        }, ignoreOrder: true);

        var firstToB = reminders.Single(m => m.DeduplicationKey == SendReviewRemindersHandler.Key(cycleId, 14, b1.Id));
        firstToB.Subject.ShouldStartWith("Recordatorio: quedan 14 días");
        firstToB.TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/assignments/{assignmentB}/report");
        firstToB.TextBody.ShouldNotContain(assignmentA.ToString());
        var lastToA = reminders.Single(m => m.DeduplicationKey == SendReviewRemindersHandler.Key(cycleId, 1, a1.Id));
        lastToA.Subject.ShouldStartWith("Reminder: 1 day left to report");
        lastToA.HtmlBody.ShouldContain($"href=\"{TestHost.PublicBaseUrl}/assignments/{assignmentA}/report\"");
        lastToA.TextBody.ShouldNotContain(assignmentB.ToString());
    }

    [Fact]
    public async Task Reminders_AfterMissedDays_SendOnlyTheMostRecentDueOffset()
    {
        var organization = await app.NewOrganizationAsync();
        var person = await app.NewPersonAsync(Roles.FocalPoint, organization);
        var plan = await app.NewPlanAsync([organization], due: app.Today.AddDays(300));
        var deadline = app.Today.AddDays(20);
        var cycleId = await app.OpenCycleAsync(plan.ForumId, app.Today, deadline);

        // The job did not run from 14 days before until 5 days before the deadline.
        app.MoveTo(deadline.AddDays(-5), 10);
        await app.RunRemindersAsync();
        await app.RunRemindersAsync();
        app.MoveTo(deadline.AddDays(-1), 10);
        await app.RunRemindersAsync();

        (await RemindersAsync(cycleId)).Select(m => m.DeduplicationKey).ShouldBe(
            [SendReviewRemindersHandler.Key(cycleId, 1, person.Id), SendReviewRemindersHandler.Key(cycleId, 7, person.Id)], ignoreOrder: true);
    }

    [Fact]
    public async Task Reminders_CountTheForumsDaysInItsTimeZone_OnTheScheduleOffsets()
    {
        var organization = await app.NewOrganizationAsync();
        var person = await app.NewPersonAsync(Roles.FocalPoint, organization, "es");
        var plan = await app.NewPlanAsync([organization], due: app.Today.AddDays(300));
        // Santo Domingo is four hours behind UTC all year.
        await app.SetScheduleAsync(plan.ForumId, ReviewSchedule.Create(
            ReviewRecurrence.Quarterly, null, app.Today, 30, [10, 2], null, "America/Santo_Domingo"));
        var deadline = app.Today.AddDays(30);
        var cycleId = await app.OpenCycleAsync(plan.ForumId, app.Today, deadline);

        app.MoveTo(deadline.AddDays(-14), 12);
        await app.RunRemindersAsync();
        app.MoveTo(deadline.AddDays(-10), 2); // 22:00 the day before in Santo Domingo
        await app.RunRemindersAsync();
        (await RemindersAsync(cycleId)).ShouldBeEmpty();

        app.MoveTo(deadline.AddDays(-10), 5); // 01:00 in Santo Domingo
        await app.RunRemindersAsync();
        app.MoveTo(deadline.AddDays(-7), 12);
        await app.RunRemindersAsync();
        app.MoveTo(deadline.AddDays(-2), 3, 59);
        await app.RunRemindersAsync();
        (await RemindersAsync(cycleId)).Select(m => m.DeduplicationKey).ShouldBe([SendReviewRemindersHandler.Key(cycleId, 10, person.Id)]);

        app.MoveTo(deadline.AddDays(-2), 4);
        await app.RunRemindersAsync();
        var reminders = await RemindersAsync(cycleId);
        reminders.Select(m => m.DeduplicationKey).ShouldBe(
            [SendReviewRemindersHandler.Key(cycleId, 10, person.Id), SendReviewRemindersHandler.Key(cycleId, 2, person.Id)], ignoreOrder: true);
        reminders.ShouldAllBe(m => m.Language == "es" && m.To == person.Email);
    }

    [Fact]
    public async Task Reminders_ForCyclesNotOpenOrAlreadyClosed_AreNotSent()
    {
        var organization = await app.NewOrganizationAsync();
        await app.NewPersonAsync(Roles.FocalPoint, organization);
        var plan = await app.NewPlanAsync([organization], due: app.Today.AddDays(300));
        var deadline = app.Today.AddDays(10);
        var (scheduledId, closedId) = await app.WithDbAsync(async db =>
        {
            var scheduled = ReviewCycle.Create(plan.ForumId, "Next review", app.Today, deadline, null, fromSchedule: false);
            var closed = ReviewCycle.Create(plan.ForumId, "Past review", app.Today, deadline, null, fromSchedule: false);
            closed.Open(app.Clock.GetUtcNow().UtcDateTime);
            closed.Close(app.Clock.GetUtcNow().UtcDateTime);
            db.ReviewCycles.AddRange(scheduled, closed);
            await db.SaveChangesAsync();
            return (scheduled.Id, closed.Id);
        });

        app.MoveTo(deadline.AddDays(-7), 10);
        await app.RunRemindersAsync();

        (await app.MailsAsync(m => m.DeduplicationKey.StartsWith($"reminder:{scheduledId}:") || m.DeduplicationKey.StartsWith($"reminder:{closedId}:")))
            .ShouldBeEmpty();
    }

    [Theory]
    [InlineData(20, new[] { 14, 7, 1 }, 15, null)]
    [InlineData(20, new[] { 14, 7, 1 }, 14, 14)]
    [InlineData(20, new[] { 14, 7, 1 }, 8, 14)]
    [InlineData(20, new[] { 14, 7, 1 }, 7, 7)]
    [InlineData(20, new[] { 14, 7, 1 }, 0, 1)]
    [InlineData(20, new[] { 14, 7, 1 }, -1, null)]
    [InlineData(10, new[] { 14, 7, 1 }, 10, null)]
    [InlineData(10, new[] { 14, 7, 1 }, 7, 7)]
    [InlineData(14, new[] { 14, 7, 1 }, 14, null)]
    [InlineData(14, new[] { 14, 7, 1 }, 13, null)]
    [InlineData(14, new[] { 14, 7, 1 }, 7, 7)]
    [InlineData(20, new[] { 0 }, 0, 0)]
    public void DueOffset_OnADayBeforeTheDeadline_IsTheMostRecentOffsetWhoseDayHasCome(int windowDays, int[] offsets, int daysLeft, int? expected)
    {
        var deadline = new DateOnly(2026, 3, 31);

        SendReviewRemindersHandler.DueOffset(deadline.AddDays(-windowDays), deadline, deadline.AddDays(-daysLeft), offsets).ShouldBe(expected);
    }

    private Task<List<Domain.Notifications.OutboxMessage>> RemindersAsync(Guid cycleId) =>
        app.MailsAsync(m => m.DeduplicationKey.StartsWith($"reminder:{cycleId}:"));
}

public sealed class ReviewRemindersTestsOnSqlite(SqliteNotificationsApp app) : ReviewRemindersTests<SqliteNotificationsApp>(app);

public sealed class ReviewRemindersTestsOnPostgreSql(PostgreSqlNotificationsApp app) : ReviewRemindersTests<PostgreSqlNotificationsApp>(app);
