using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Jobs;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Outbox;
using Hangfire;
using Hangfire.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.Web.Tests.ReviewCycles.ReviewCycleArrange;

namespace Coordination.Web.Tests.ReviewCycles;

/// <summary>
/// The hourly job with a clock the test moves: a quarterly schedule in Santo Domingo walked from creation through
/// opening (and its mails) to closing with its snapshot; runs repeated or concurrent change nothing more.
/// </summary>
public abstract class AdvanceReviewCyclesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : OutboxApp
{
    [Fact]
    public async Task Advance_WalkingAQuarterlyScheduleInSantoDomingo_CreatesOpensWithMailsOnceAndClosesWithItsSnapshot()
    {
        var opensOn = TodayIn(app.Clock.GetUtcNow(), SantoDomingo).AddDays(5);
        var deadline = opensOn.AddDays(30);
        var plan = await app.CreatePlanAsync(
            ["INM", "MIG-MEX"], ["INM", "MIG-BLZ"], requiresValidation: false, startDate: opensOn.AddDays(-60), dueDate: opensOn.AddDays(300));
        var englishFocal = await app.CreatePersonAsync(Roles.FocalPoint, plan.OrganizationIds["MIG-BLZ"]);
        await app.SetScheduleAsync(plan.ForumId, ReviewSchedule.Create(ReviewRecurrence.Quarterly, null, opensOn, 30, null, 7, SantoDomingo));

        // Five days ahead: the job creates the cycle, scheduled, and mails nobody.
        await app.RunReviewCyclesAdvanceAsync();
        var cycle = (await app.CyclesAsync(plan.ForumId)).ShouldHaveSingleItem();
        cycle.FromSchedule.ShouldBeTrue();
        cycle.State.ShouldBe(ReviewCycleState.Scheduled);
        cycle.Name.ShouldBe($"{opensOn:yyyy-MM} review");
        (cycle.OpensOn, cycle.SubmissionDeadline, cycle.MeetingDate).ShouldBe((opensOn, deadline, (DateOnly?)deadline.AddDays(7)));
        (await app.CycleMailsAsync(cycle.Id)).ShouldBeEmpty();

        // 23:30 the evening before in Santo Domingo (already the opening day in UTC): not yet.
        app.MoveTo(opensOn, 3, 30);
        await app.RunReviewCyclesAdvanceAsync();
        (await app.CycleAsync(cycle.Id)).State.ShouldBe(ReviewCycleState.Scheduled);

        // 00:30 on the opening day in Santo Domingo: opened, the next quarter's cycle created, each focal point mailed.
        app.MoveTo(opensOn, 4, 30);
        var openedAt = app.Clock.GetUtcNow().UtcDateTime;
        await app.RunReviewCyclesAdvanceAsync();
        await app.RunReviewCyclesAdvanceAsync();
        var opened = await app.CycleAsync(cycle.Id);
        opened.State.ShouldBe(ReviewCycleState.Open);
        opened.OpenedAt!.Value.ShouldBe(openedAt, TimeSpan.FromMilliseconds(1));
        (await app.CyclesAsync(plan.ForumId)).Select(c => (c.OpensOn, c.State)).ShouldBe(
            [(opensOn, ReviewCycleState.Open), (opensOn.AddMonths(3), ReviewCycleState.Scheduled)]);

        var expected = await app.FocalPointsAsync([plan.OrganizationIds["INM"], plan.OrganizationIds["MIG-BLZ"]]);
        expected.Keys.ShouldContain(TestPeople.FocalDom);
        expected[englishFocal.Email!].ShouldBe("en");
        expected.Keys.ShouldNotContain(TestPeople.FocalMex);
        await app.RunDispatcherAsync();
        await app.RunReviewCyclesAdvanceAsync();
        await app.RunDispatcherAsync();
        var rows = await app.CycleMailsAsync(cycle.Id);
        rows.Select(r => (r.To, r.Kind, r.Language)).ShouldBe(expected.Select(e => (e.Key, MailKinds.ReviewCycleOpened, e.Value)), ignoreOrder: true);
        foreach (var row in rows)
        {
            var attempts = app.Transport.AttemptsTo(row.To).Where(a => a.Message.MessageId == row.Id.ToString("N")).ToList();
            attempts.ShouldHaveSingleItem().Outcome.ShouldBe(EmailSendOutcome.Sent);
            var sent = attempts[0].Message;
            sent.Subject.ShouldStartWith(row.Language == "es" ? "Revisión abierta" : "Review open");
            sent.TextBody.ShouldContain(row.Language == "es" ? $"(hora de {SantoDomingo})" : $"({SantoDomingo} time)");
        }

        var inmMail = rows.Single(r => r.To == TestPeople.FocalDom);
        inmMail.TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/assignments/{plan.AssignmentIds["INM"]}/report");
        inmMail.TextBody.ShouldNotContain(plan.AssignmentIds["MIG-BLZ"].ToString());
        rows.Single(r => r.To == englishFocal.Email).TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/assignments/{plan.AssignmentIds["MIG-BLZ"]}/report");

        // INM reports within the window, MIG-BLZ the day after the deadline: both belong to the open cycle.
        app.MoveTo(opensOn.AddDays(2), 15, 0);
        (await app.ReportThroughApiAsync(TestPeople.FocalDom, TestPeople.DemoPassword, plan.AssignmentIds["INM"], AssignmentStatus.InProgress, 60)).ShouldBe(cycle.Id);
        app.MoveTo(deadline.AddDays(1), 14, 0);
        (await app.ReportThroughApiAsync(englishFocal.Email!, TestPeople.Password, plan.AssignmentIds["MIG-BLZ"], AssignmentStatus.InProgress, 20)).ShouldBe(cycle.Id);

        // The last day of grace (deadline + 3) is not over in Santo Domingo: still open.
        app.MoveTo(deadline.AddDays(3), 23, 0);
        await app.RunReviewCyclesAdvanceAsync();
        (await app.CycleAsync(cycle.Id)).State.ShouldBe(ReviewCycleState.Open);

        app.MoveTo(deadline.AddDays(4), 4, 30);
        var closedAt = app.Clock.GetUtcNow().UtcDateTime;
        await app.RunReviewCyclesAdvanceAsync();
        var closed = await app.CycleAsync(cycle.Id);
        closed.State.ShouldBe(ReviewCycleState.Closed);
        closed.ClosedAt!.Value.ShouldBe(closedAt, TimeSpan.FromMilliseconds(1));
        var snapshot = await SnapshotAsync(cycle.Id);
        snapshot.ShouldBe(
        [
            (plan.AssignmentIds["INM"], 60, true, false),
            (plan.AssignmentIds["MIG-BLZ"], 20, false, true),
        ], ignoreOrder: true);

        using var viewer = await app.ClientAsync(TestPeople.Viewer);
        var compliance = await viewer.GetFromJsonAsync<ComplianceResponse>($"/api/review-cycles/{cycle.Id}/compliance", HttpClientExtensions.Json);
        compliance!.Source.ShouldBe("Snapshot");
        compliance.Total.ShouldBe(new CountsResponse(2, 1, 1, 0));

        // Once more: nothing changes.
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == cycle.Id));
        await app.RunReviewCyclesAdvanceAsync();
        (await app.CycleAsync(cycle.Id)).Version.ShouldBe(closed.Version);
        (await SnapshotAsync(cycle.Id)).Count.ShouldBe(2);
        (await app.CycleMailsAsync(cycle.Id)).Length.ShouldBe(rows.Length);
        (await app.CyclesAsync(plan.ForumId)).Count.ShouldBe(2);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == cycle.Id))).ShouldBe(auditBefore);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == cycle.Id).OrderBy(a => a.OccurredAt).ToListAsync());
        audit.Select(a => (a.Action, a.Change, a.UserEmail)).ShouldBe(
        [
            ("AdvanceReviewCycles", "Created", SystemActor.Address),
            ("AdvanceReviewCycles", "Updated", SystemActor.Address),
            ("AdvanceReviewCycles", "Updated", SystemActor.Address),
        ]);
    }

    [Fact]
    public async Task Advance_RunByThreeServersAtOnce_CreatesAndOpensEachCycleOnce()
    {
        var opensOn = TodayIn(app.Clock.GetUtcNow(), SantoDomingo).AddDays(2);
        var plan = await app.CreatePlanAsync(
            ["INM", "MIG-MEX"], ["INM", "MIG-MEX"], requiresValidation: false, startDate: opensOn.AddDays(-60), dueDate: opensOn.AddDays(300));
        await app.SetScheduleAsync(plan.ForumId, ReviewSchedule.Create(ReviewRecurrence.Monthly, null, opensOn, 10, [7, 1], null, SantoDomingo));
        app.MoveTo(opensOn, 12, 0);

        await Task.WhenAll(AdvanceAsSystemAsync(), AdvanceAsSystemAsync(), AdvanceAsSystemAsync());

        var cycles = await app.CyclesAsync(plan.ForumId);
        cycles.Select(c => (c.OpensOn, c.State)).ShouldBe([(opensOn, ReviewCycleState.Open), (opensOn.AddMonths(1), ReviewCycleState.Scheduled)]);
        var expected = await app.FocalPointsAsync([plan.OrganizationIds["INM"], plan.OrganizationIds["MIG-MEX"]]);
        (await app.CycleMailsAsync(cycles[0].Id)).Select(m => m.To).ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var cycle in cycles)
        {
            var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == cycle.Id).Select(a => a.Change).ToListAsync());
            audit.ShouldBe(cycle.State == ReviewCycleState.Open ? ["Created", "Updated"] : ["Created"], ignoreOrder: true);
        }
    }

    [Fact]
    public async Task Advance_OutsideAJobWithoutSignIn_IsRefused() =>
        await Should.ThrowAsync<UnauthenticatedException>(() => app.WithScopeAsync(async services =>
            await services.GetRequiredService<ISender>().Send(new AdvanceReviewCyclesCommand())));

    private Task<AdvanceReviewCyclesResult> AdvanceAsSystemAsync() =>
        app.AsSystemAsync(sender => sender.Send(new AdvanceReviewCyclesCommand()));

    private Task<List<(Guid, int, bool, bool)>> SnapshotAsync(Guid cycleId) =>
        app.WithDbAsync(async db => (await db.CycleSnapshots.AsNoTracking().Where(s => s.ReviewCycleId == cycleId).ToListAsync())
            .Select(s => (s.AssignmentId, s.PercentComplete, s.ReportedOnTime, s.ReportedLate))
            .ToList());
}

public sealed class AdvanceReviewCyclesTestsOnSqlite(SqliteOutboxApp app) : AdvanceReviewCyclesTests<SqliteOutboxApp>(app);

public sealed class AdvanceReviewCyclesTestsOnPostgreSql(PostgreSqlOutboxApp app) : AdvanceReviewCyclesTests<PostgreSqlOutboxApp>(app);

/// <summary>A host with its job server declares the advance of review cycles every hour, in UTC.</summary>
public abstract class ReviewCyclesJobDeclarationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public void Start_WithJobServer_DeclaresTheAdvanceOfReviewCyclesHourly()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = connection.GetRecurringJobs().Where(j => j.Id == ReviewCyclesAdvanceJob.Id).ShouldHaveSingleItem();

        job.Cron.ShouldBe(Cron.Hourly());
        job.Job.Type.ShouldBe(typeof(ReviewCyclesAdvanceJob));
        job.TimeZoneId.ShouldBe("UTC");
    }
}

public sealed class ReviewCyclesJobDeclarationTestsOnSqlite(SqliteAppWithJobServer app) : ReviewCyclesJobDeclarationTests<SqliteAppWithJobServer>(app);

public sealed class ReviewCyclesJobDeclarationTestsOnPostgreSql(PostgreSqlAppWithJobServer app) : ReviewCyclesJobDeclarationTests<PostgreSqlAppWithJobServer>(app);
