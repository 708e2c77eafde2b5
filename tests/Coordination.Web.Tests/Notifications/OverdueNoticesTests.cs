using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Notifications;

public abstract class OverdueNoticesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : NotificationsApp
{
    [Fact]
    public async Task OverdueNotices_PastTheDueDate_GoOncePerDueDateToTheFocalPointsOnly()
    {
        var (late, done, dropped) = (await app.NewOrganizationAsync(), await app.NewOrganizationAsync(), await app.NewOrganizationAsync());
        var p1 = await app.NewPersonAsync(Roles.FocalPoint, late, "en");
        var p2 = await app.NewPersonAsync(Roles.FocalPoint, late, "es");
        await app.NewPersonAsync(Roles.Viewer, late);
        await app.NewPersonAsync(Roles.FocalPoint, late, active: false);
        await app.NewPersonAsync(Roles.FocalPoint, done);
        await app.NewPersonAsync(Roles.FocalPoint, dropped);
        var due = app.Today.AddDays(3);
        var plan = await app.NewPlanAsync([late, done, dropped], due);
        var assignmentId = plan.AssignmentIds[await app.AcronymAsync(late)];
        var completed = await app.ReportAsync(plan.AssignmentIds[await app.AcronymAsync(done)], status: AssignmentStatus.Completed, percent: 100);
        await app.ReviewAsync(completed, accept: true);
        var cancelledId = plan.AssignmentIds[await app.AcronymAsync(dropped)];
        await app.WithDbAsync(async db =>
        {
            (await db.Assignments.SingleAsync(a => a.Id == cancelledId)).Cancel();
            await db.SaveChangesAsync();
        });

        app.MoveTo(due, 23);
        await app.RunOverdueNoticesAsync();
        (await NoticesAsync(plan)).ShouldBeEmpty();

        app.MoveTo(due.AddDays(1), 11);
        await app.RunOverdueNoticesAsync();
        await app.RunOverdueNoticesAsync();
        app.MoveTo(due.AddDays(2), 11);
        await app.RunOverdueNoticesAsync();

        // A new due date that passes in turn is a new notice.
        var newDue = due.AddDays(5);
        await app.WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.SingleAsync(a => a.Id == assignmentId);
            var actionPoint = await db.ActionPoints.SingleAsync(p => p.Id == assignment.ActionPointId);
            assignment.Change(actionPoint, assignment.Role, newDue);
            await db.SaveChangesAsync();
        });
        app.MoveTo(newDue, 11);
        await app.RunOverdueNoticesAsync();
        app.MoveTo(newDue.AddDays(1), 11);
        await app.RunOverdueNoticesAsync();
        await app.RunOverdueNoticesAsync();

        var notices = await NoticesAsync(plan);
        notices.Select(m => (m.To, m.DeduplicationKey, m.Kind, m.Language)).ShouldBe(
        [
            (p1.Email!, SendOverdueNoticesHandler.Key(assignmentId, due, p1.Id), MailKinds.Overdue, "en"),
            (p2.Email!, SendOverdueNoticesHandler.Key(assignmentId, due, p2.Id), MailKinds.Overdue, "es"),
            (p1.Email!, SendOverdueNoticesHandler.Key(assignmentId, newDue, p1.Id), MailKinds.Overdue, "en"),
            (p2.Email!, SendOverdueNoticesHandler.Key(assignmentId, newDue, p2.Id), MailKinds.Overdue, "es"),
        ], ignoreOrder: true);
        var spanish = notices.First(m => m.To == p2.Email);
        spanish.Subject.ShouldStartWith("Punto de acción vencido: T-");
        spanish.TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/assignments/{assignmentId}/report");
        notices.First(m => m.To == p1.Email).Subject.ShouldStartWith("Action point overdue: T-");
    }

    [Fact]
    public async Task OverdueNotices_CountTheDayInTheForumsTimeZone()
    {
        var organization = await app.NewOrganizationAsync();
        var person = await app.NewPersonAsync(Roles.FocalPoint, organization);
        var due = app.Today.AddDays(2);
        var plan = await app.NewPlanAsync([organization], due);
        await app.SetScheduleAsync(plan.ForumId, ReviewSchedule.Create(
            ReviewRecurrence.Quarterly, null, app.Today.AddDays(100), 30, null, null, "America/Santo_Domingo"));

        app.MoveTo(due.AddDays(1), 3); // 23:00 on the due day in Santo Domingo
        await app.RunOverdueNoticesAsync();
        (await NoticesAsync(plan)).ShouldBeEmpty();

        app.MoveTo(due.AddDays(1), 4); // midnight: the day after the due date begins there
        await app.RunOverdueNoticesAsync();
        (await NoticesAsync(plan)).Select(m => m.To).ShouldBe([person.Email]);
    }

    private async Task<List<Domain.Notifications.OutboxMessage>> NoticesAsync(Infrastructure.TestData.Plan plan)
    {
        var prefixes = plan.AssignmentIds.Values.Select(id => $"overdue:{id}:").ToList();
        return (await app.MailsAsync(m => m.Kind == MailKinds.Overdue))
            .Where(m => prefixes.Any(p => m.DeduplicationKey.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
    }
}

public sealed class OverdueNoticesTestsOnSqlite(SqliteNotificationsApp app) : OverdueNoticesTests<SqliteNotificationsApp>(app);

public sealed class OverdueNoticesTestsOnPostgreSql(PostgreSqlNotificationsApp app) : OverdueNoticesTests<PostgreSqlNotificationsApp>(app);
