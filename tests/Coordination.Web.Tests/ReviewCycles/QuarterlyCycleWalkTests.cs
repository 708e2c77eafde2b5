using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.ReviewCycles.ReviewCycleArrange;

namespace Coordination.Web.Tests.ReviewCycles;

/// <summary>
/// Issue 5's acceptance: a quarterly review cycle of a forum in Santo Domingo walked day by day with the fake clock,
/// the recurring jobs run twice a day as Hangfire runs them (advance, reminders, overdue notices, then the outbox
/// dispatcher). The class holds this one test on an app of its own without demo data, so every mail the fake mail
/// service accepted is the walk's: at the end of each day they must be exactly those expected by then, no more.
/// </summary>
public abstract class QuarterlyCycleWalkTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : NotificationsApp
{
    private const string Assigned = MailKinds.Assigned;
    private const string Opened = MailKinds.ReviewCycleOpened;
    private const string Reminder = MailKinds.Reminder;
    private const string Overdue = MailKinds.Overdue;

    /// <summary>How each kind of mail begins its subject in each language: the language is the one really sent.</summary>
    private static readonly Dictionary<(string Kind, string Language), string> SubjectStarts = new()
    {
        [(Assigned, "en")] = "An action point was assigned to your organization",
        [(Assigned, "es")] = "Se asignó un punto de acción a su organización",
        [(Opened, "en")] = "Review open:",
        [(Opened, "es")] = "Revisión abierta:",
        [(Reminder, "en")] = "Reminder:",
        [(Reminder, "es")] = "Recordatorio:",
        [(Overdue, "en")] = "Action point overdue:",
        [(Overdue, "es")] = "Punto de acción vencido:",
    };

    [Fact]
    public async Task Walk_AQuarterlyCycleDayByDay_SendsExactlyTheExpectedMailsAndClosesWithItsSnapshot()
    {
        // A, never reports: two focal points (one Spanish-speaking), besides a viewer and a deactivated focal point.
        // B reports before the first reminder; C completes between the 14- and 7-day reminders; D reports after the
        // deadline, within the grace days. P takes part in the forum with nothing assigned.
        var (orgA, orgB, orgC, orgD, orgP) = (
            await app.NewOrganizationAsync(), await app.NewOrganizationAsync(), await app.NewOrganizationAsync(),
            await app.NewOrganizationAsync(), await app.NewOrganizationAsync());
        var a1 = (await app.NewPersonAsync(Roles.FocalPoint, orgA, "en")).Email!;
        var a2 = (await app.NewPersonAsync(Roles.FocalPoint, orgA, "es")).Email!;
        await app.NewPersonAsync(Roles.Viewer, orgA);
        await app.NewPersonAsync(Roles.FocalPoint, orgA, active: false);
        var b1 = (await app.NewPersonAsync(Roles.FocalPoint, orgB, "en")).Email!;
        var c1 = (await app.NewPersonAsync(Roles.FocalPoint, orgC, "es")).Email!;
        var d1 = (await app.NewPersonAsync(Roles.FocalPoint, orgD, "en")).Email!;
        await app.NewPersonAsync(Roles.FocalPoint, orgP);
        var secretariat = (await app.NewPersonAsync(Roles.Secretariat, orgP)).Email!;

        var today = TodayIn(app.Clock.GetUtcNow(), SantoDomingo);
        var opensOn = today.AddDays(5);
        var deadline = opensOn.AddDays(30);
        var (a, b, c, d, p) = (
            await app.AcronymAsync(orgA), await app.AcronymAsync(orgB), await app.AcronymAsync(orgC), await app.AcronymAsync(orgD),
            await app.AcronymAsync(orgP));
        // Due on the cycle's deadline: whoever has not completed by then is overdue the next day.
        var plan = await app.CreatePlanAsync([a, b, c, d, p], [a, b, c, d], requiresValidation: false, startDate: today.AddDays(-60), dueDate: deadline);
        var assignments = new Dictionary<string, Guid>
        {
            [a1] = plan.AssignmentIds[a], [a2] = plan.AssignmentIds[a], [b1] = plan.AssignmentIds[b], [c1] = plan.AssignmentIds[c], [d1] = plan.AssignmentIds[d],
        };

        // The schedule is set: the first cycle exists at once, waiting for its day.
        using (var client = await app.ClientAsync(secretariat, TestPeople.Password))
        {
            var schedule = await ReadAsync<ScheduleResponse>(await client.PutAsJsonAsync($"/api/forums/{plan.ForumId}/review-schedule", new
            {
                recurrence = "Quarterly",
                firstOpensOn = opensOn,
                windowDays = 30,
                timeZone = SantoDomingo,
            }), HttpStatusCode.OK);
            schedule.ReminderOffsets.ShouldBe([14, 7, 1]);
        }

        var cycle = (await app.CyclesAsync(plan.ForumId)).ShouldHaveSingleItem();
        (cycle.OpensOn, cycle.SubmissionDeadline, cycle.State, cycle.FromSchedule).ShouldBe((opensOn, deadline, ReviewCycleState.Scheduled, true));

        // What the mail service must have accepted by the end of each day: the day's additions, cumulated.
        var mailsOn = new Dictionary<DateOnly, (string To, string Kind, string Language)[]>
        {
            [today.AddDays(1)] = [(a1, Assigned, "en"), (a2, Assigned, "es"), (b1, Assigned, "en"), (c1, Assigned, "es"), (d1, Assigned, "en")],
            [opensOn] = [(a1, Opened, "en"), (a2, Opened, "es"), (b1, Opened, "en"), (c1, Opened, "es"), (d1, Opened, "en")],
            [deadline.AddDays(-14)] = [(a1, Reminder, "en"), (a2, Reminder, "es"), (c1, Reminder, "es"), (d1, Reminder, "en")],
            [deadline.AddDays(-7)] = [(a1, Reminder, "en"), (a2, Reminder, "es"), (d1, Reminder, "en")],
            [deadline.AddDays(-1)] = [(a1, Reminder, "en"), (a2, Reminder, "es"), (d1, Reminder, "en")],
            [deadline.AddDays(1)] = [(a1, Overdue, "en"), (a2, Overdue, "es"), (b1, Overdue, "en"), (d1, Overdue, "en")],
        };
        var reports = new Dictionary<DateOnly, (string Email, AssignmentStatus Status, int Percent)>
        {
            [opensOn.AddDays(3)] = (b1, AssignmentStatus.InProgress, 60),
            [deadline.AddDays(-10)] = (c1, AssignmentStatus.Completed, 100),
            [deadline.AddDays(2)] = (d1, AssignmentStatus.InProgress, 30),
        };
        // The tests configure no grace days: the default ones, after which the cycle closes the next day.
        var closesOn = deadline.AddDays(AdvanceReviewCyclesCommand.DefaultGraceDays + 1);

        var expected = new List<(string To, string Kind, string Language)>();
        for (var day = today.AddDays(1); day <= closesOn; day = day.AddDays(1))
        {
            // Half past midnight, noon and half past eleven at night in Santo Domingo (four hours behind UTC all year):
            // the last run is already the next day in UTC, so nothing of the next day may go out before it begins there.
            foreach (var (utcDay, utcHour) in new[] { (day, 4), (day, 16), (day.AddDays(1), 3) })
            {
                app.MoveTo(utcDay, utcHour, 30);
                await app.RunReviewCyclesAdvanceAsync();
                await app.RunRemindersAsync();
                await app.RunOverdueNoticesAsync();
                await app.RunDispatcherAsync();
            }

            if (reports.TryGetValue(day, out var report))
                (await app.ReportThroughApiAsync(report.Email, TestPeople.Password, assignments[report.Email], report.Status, report.Percent)).ShouldBe(cycle.Id, $"{report.Email} reports for the cycle");

            expected.AddRange(mailsOn.GetValueOrDefault(day, []));
            (await SentAsync()).ShouldBe(expected, ignoreOrder: true, $"the mails sent by the end of {day:yyyy-MM-dd}");
            (await app.CycleAsync(cycle.Id)).State.ShouldBe(
                day < opensOn ? ReviewCycleState.Scheduled : day < closesOn ? ReviewCycleState.Open : ReviewCycleState.Closed,
                $"the cycle's state at the end of {day:yyyy-MM-dd}");
        }

        // Everything written was sent, once each, in its recipient's language, about the recipient's own assignment only.
        var outbox = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        outbox.ShouldAllBe(m => m.SentAt != null);
        outbox.Count.ShouldBe(expected.Count);
        var sent = app.Transport.Sent;
        sent.Select(m => m.MessageId).ShouldBeUnique();
        foreach (var mail in sent)
        {
            var row = outbox.Single(m => m.Id.ToString("N") == mail.MessageId);
            mail.Subject.ShouldStartWith(SubjectStarts[(row.Kind, row.Language)]);
            mail.TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/assignments/{assignments[mail.To]}/report");
            foreach (var other in plan.AssignmentIds.Values.Where(id => id != assignments[mail.To]))
                mail.TextBody.ShouldNotContain(other.ToString());
        }

        // Closed after the grace days with its snapshot; the next quarter's cycle waits for its day.
        (await app.CyclesAsync(plan.ForumId)).Select(x => (x.OpensOn, x.State)).ShouldBe(
            [(opensOn, ReviewCycleState.Closed), (opensOn.AddMonths(3), ReviewCycleState.Scheduled)]);
        var snapshot = await app.WithDbAsync(db => db.CycleSnapshots.AsNoTracking().Where(s => s.ReviewCycleId == cycle.Id).ToListAsync());
        snapshot.Select(s => (s.AssignmentId, s.Status, s.PercentComplete, s.Overdue, s.ReportedOnTime, s.ReportedLate)).ShouldBe(
        [
            (plan.AssignmentIds[a], AssignmentStatus.NotStarted, 0, true, false, false),
            (plan.AssignmentIds[b], AssignmentStatus.InProgress, 60, true, true, false),
            (plan.AssignmentIds[c], AssignmentStatus.Completed, 100, false, true, false),
            (plan.AssignmentIds[d], AssignmentStatus.InProgress, 30, true, false, true),
        ], ignoreOrder: true);
    }

    /// <summary>Every mail the mail service accepted, with the kind and language of the outbox row it was sent from.</summary>
    private async Task<List<(string To, string Kind, string Language)>> SentAsync()
    {
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Id));
        return [.. app.Transport.Sent.Select(m => rows[Guid.ParseExact(m.MessageId!, "N")]).Select(r => (r.To, r.Kind, r.Language))];
    }
}

public sealed class QuarterlyCycleWalkTestsOnSqlite(SqliteNotificationsApp app) : QuarterlyCycleWalkTests<SqliteNotificationsApp>(app);

public sealed class QuarterlyCycleWalkTestsOnPostgreSql(PostgreSqlNotificationsApp app) : QuarterlyCycleWalkTests<PostgreSqlNotificationsApp>(app);
