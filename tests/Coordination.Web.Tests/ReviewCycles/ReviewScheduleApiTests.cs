using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.ReviewCycles.ReviewCycleArrange;

namespace Coordination.Web.Tests.ReviewCycles;

public abstract class ReviewScheduleApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task Put_BySecretariat_Is200WithTheSchedule_CreatesTheCurrentAndNextCycles_AndLeavesAnAuditEntry()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = TodayIn(DateTimeOffset.UtcNow, SantoDomingo);
        var first = today.AddDays(-10);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var schedule = await ReadAsync<ScheduleResponse>(await secretariat.PutAsJsonAsync($"/api/forums/{plan.ForumId}/review-schedule", new
        {
            recurrence = "Quarterly",
            firstOpensOn = first,
            windowDays = 30,
            meetingDaysAfterDeadline = 7,
            timeZone = SantoDomingo,
        }), HttpStatusCode.OK);

        schedule.ForumId.ShouldBe(plan.ForumId);
        schedule.Recurrence.ShouldBe("Quarterly");
        schedule.FirstOpensOn.ShouldBe(first);
        schedule.WindowDays.ShouldBe(30);
        schedule.ReminderOffsets.ShouldBe([14, 7, 1]);
        schedule.MeetingDaysAfterDeadline.ShouldBe(7);
        schedule.TimeZone.ShouldBe(SantoDomingo);
        schedule.Upcoming.Select(c => c.OpensOn).ShouldBe([first.AddMonths(3), first.AddMonths(6), first.AddMonths(9)]);
        schedule.Upcoming[0].ShouldBe(new PlannedResponse(
            first.AddMonths(3).ToString("yyyy-MM") + " review", first.AddMonths(3), first.AddMonths(3).AddDays(30), first.AddMonths(3).AddDays(37)));

        // The cycle under way (opened ten days ago, due in twenty) and the next one exist at once; the job opens them.
        var cycles = await app.WithDbAsync(db => db.ReviewCycles.AsNoTracking().Where(c => c.ForumId == plan.ForumId).OrderBy(c => c.OpensOn).ToListAsync());
        cycles.Select(c => (c.OpensOn, c.SubmissionDeadline, c.MeetingDate, c.State, c.FromSchedule)).ShouldBe(
        [
            (first, first.AddDays(30), (DateOnly?)first.AddDays(37), ReviewCycleState.Scheduled, true),
            (first.AddMonths(3), first.AddMonths(3).AddDays(30), (DateOnly?)first.AddMonths(3).AddDays(37), ReviewCycleState.Scheduled, true),
        ]);

        using var focal = await app.ClientAsync(TestPeople.FocalDom);
        (await focal.GetFromJsonAsync<ScheduleResponse>($"/api/forums/{plan.ForumId}/review-schedule", HttpClientExtensions.Json))
            .ShouldBeEquivalentTo(schedule);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == plan.ForumId && a.Action == "SetReviewSchedule"));
        audit.Change.ShouldBe("Updated");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.After!.ShouldContain(SantoDomingo);
        var cycleIds = cycles.Select(c => c.Id).ToList();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "SetReviewSchedule" && cycleIds.Contains(a.EntityId))))
            .ShouldBe(2);
    }

    [Fact]
    public async Task Put_WithACronExpression_OpensOnItsDays()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var schedule = await ReadAsync<ScheduleResponse>(await secretariat.PutAsJsonAsync($"/api/forums/{plan.ForumId}/review-schedule", new
        {
            recurrence = "Cron",
            cronExpression = "0 0 15 2,8 *",
            firstOpensOn = "2030-01-01",
            windowDays = 20,
            reminderOffsets = new[] { 1, 10 },
            timeZone = "Europe/Madrid",
        }), HttpStatusCode.OK);

        schedule.CronExpression.ShouldBe("0 0 15 2,8 *");
        schedule.ReminderOffsets.ShouldBe([10, 1]);
        schedule.Upcoming.Select(c => c.OpensOn).ShouldBe([new DateOnly(2030, 2, 15), new DateOnly(2030, 8, 15), new DateOnly(2031, 2, 15)]);
        schedule.Upcoming[0].Name.ShouldBe("2030-02-15 review");
    }

    [Theory]
    [InlineData("Quarterly", null, "Mars/Olympus_Mons", null, "timeZone")]
    [InlineData("Quarterly", null, "", null, "timeZone")]
    [InlineData("Cron", "every monday", "UTC", null, "cronExpression")]
    [InlineData("Cron", "0 0 1 1 * * *", "UTC", null, "cronExpression")]
    [InlineData("Cron", "0 0 30 2 *", "UTC", null, "cronExpression")]
    [InlineData("Cron", null, "UTC", null, "cronExpression")]
    [InlineData("Monthly", null, "UTC", 30, "reminderOffsets")]
    [InlineData("Monthly", null, "UTC", -1, "reminderOffsets")]
    public async Task Put_WithAnInvalidField_Is400NamingItAndWritesNothing(string recurrence, string? cron, string timeZone, int? offset, string field)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var response = await secretariat.PutAsJsonAsync($"/api/forums/{plan.ForumId}/review-schedule", new
        {
            recurrence,
            cronExpression = cron,
            firstOpensOn = "2026-07-01",
            windowDays = 30,
            reminderOffsets = offset is { } o ? new[] { 7, o } : null,
            timeZone,
        });

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        await NothingWrittenAsync(plan.ForumId);
    }

    [Fact]
    public async Task Put_WithoutTheRequiredFields_Is400NamingEach()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var response = await secretariat.PutAsJsonAsync($"/api/forums/{plan.ForumId}/review-schedule", new { windowDays = 0 });

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).Errors!.Keys
            .ShouldBe(["recurrence", "firstOpensOn", "windowDays", "timeZone"], ignoreOrder: true);
        await NothingWrittenAsync(plan.ForumId);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task PutAndDelete_ByFocalPointOrViewer_Are403AndWriteNothing(string email)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.ClientAsync(email);

        await ProblemAsync(await client.PutAsJsonAsync($"/api/forums/{plan.ForumId}/review-schedule",
            new { recurrence = "Monthly", firstOpensOn = "2026-07-01", windowDays = 20, timeZone = "UTC" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await client.DeleteAsync($"/api/forums/{plan.ForumId}/review-schedule"), HttpStatusCode.Forbidden);

        await NothingWrittenAsync(plan.ForumId);
    }

    [Fact]
    public async Task Get_WithoutASchedule_Or_ForAFocalPointOutsideTheForum_Is404()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        await app.SetScheduleAsync(plan.ForumId, ReviewSchedule.Create(ReviewRecurrence.Monthly, null, new DateOnly(2026, 1, 1), 20, null, null, "UTC"));
        var unscheduled = await app.CreatePlanAsync(["INM"], ["INM"]);
        var outsider = await app.CreatePersonAsync(Roles.FocalPoint, await app.OrganizationIdAsync("NSO-GTM"));
        using var outside = await app.ClientAsync(outsider.Email!, TestPeople.Password);
        using var focal = await app.ClientAsync(TestPeople.FocalDom);

        await ProblemAsync(await outside.GetAsync($"/api/forums/{plan.ForumId}/review-schedule"), HttpStatusCode.NotFound);
        await ProblemAsync(await focal.GetAsync($"/api/forums/{unscheduled.ForumId}/review-schedule"), HttpStatusCode.NotFound);
        (await focal.GetAsync($"/api/forums/{plan.ForumId}/review-schedule")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_WithoutASchedule_AnswersAsForAForumThatDoesNotExist_WhileTheQueryAnswersNull()
    {
        var unscheduled = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);

        var none = await ProblemAsync(await secretariat.GetAsync($"/api/forums/{unscheduled.ForumId}/review-schedule"), HttpStatusCode.NotFound);
        var nowhere = await ProblemAsync(await secretariat.GetAsync($"/api/forums/{Guid.NewGuid()}/review-schedule"), HttpStatusCode.NotFound);
        none.ShouldBe(nowhere);

        // "No schedule" is an answer of the query, not an error; a forum that does not exist still is one.
        (await app.AsSystemAsync(sender => sender.Send(new GetReviewScheduleQuery(unscheduled.ForumId)))).ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => app.AsSystemAsync(sender => sender.Send(new GetReviewScheduleQuery(Guid.NewGuid()))));
    }

    [Fact]
    public async Task Put_AgainWithOtherDays_MovesOnlyTheCyclesThatHaveNotOpened()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = TodayIn(DateTimeOffset.UtcNow, "UTC");
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);
        var url = $"/api/forums/{plan.ForumId}/review-schedule";
        (await secretariat.PutAsJsonAsync(url, new { recurrence = "Monthly", firstOpensOn = today.AddDays(-5), windowDays = 20, timeZone = "UTC" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var current = await app.WithDbAsync(db => db.ReviewCycles.SingleAsync(c => c.ForumId == plan.ForumId && c.OpensOn == today.AddDays(-5)));
        (await secretariat.PostAsync($"/api/review-cycles/{current.Id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var handMade = await app.CreateCycleAsync(plan.ForumId, today.AddDays(40), today.AddDays(50));

        // Same days, a longer window: the waiting cycle keeps its day and takes the new deadline.
        (await secretariat.PutAsJsonAsync(url, new { recurrence = "Monthly", firstOpensOn = today.AddDays(-5), windowDays = 25, timeZone = "UTC" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var next = today.AddDays(-5).AddMonths(1);
        (await CyclesAsync(plan.ForumId)).ShouldBe(
        [
            (today.AddDays(-5), today.AddDays(15), ReviewCycleState.Open),
            (next, next.AddDays(25), ReviewCycleState.Scheduled),
            (today.AddDays(40), today.AddDays(50), ReviewCycleState.Scheduled),
        ]);

        // Other days: the waiting cycle of the old schedule goes; the open one and the hand-made one stay.
        (await secretariat.PutAsJsonAsync(url, new { recurrence = "Quarterly", firstOpensOn = today.AddDays(3), windowDays = 10, timeZone = "UTC" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CyclesAsync(plan.ForumId)).ShouldBe(
        [
            (today.AddDays(-5), today.AddDays(15), ReviewCycleState.Open),
            (today.AddDays(3), today.AddDays(13), ReviewCycleState.Scheduled),
            (today.AddDays(40), today.AddDays(50), ReviewCycleState.Scheduled),
        ]);
        (await app.WithDbAsync(db => db.ReviewCycles.AnyAsync(c => c.Id == handMade))).ShouldBeTrue();
    }

    [Fact]
    public async Task Delete_BySecretariat_Is204_RemovesTheWaitingCyclesItMade_AndKeepsTheOpenOne()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = TodayIn(DateTimeOffset.UtcNow, "UTC");
        await app.SetScheduleAsync(plan.ForumId, ReviewSchedule.Create(ReviewRecurrence.Monthly, null, today.AddDays(-3), 10, [7, 1], null, "UTC"));
        var open = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-3), today.AddDays(7), open: true);
        using var secretariat = await app.ClientAsync(TestPeople.Secretariat);
        (await secretariat.PutAsJsonAsync($"/api/forums/{plan.ForumId}/review-schedule",
            new { recurrence = "Monthly", firstOpensOn = today.AddDays(-3), windowDays = 10, timeZone = "UTC" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CyclesAsync(plan.ForumId)).Count.ShouldBe(2);

        var response = await secretariat.DeleteAsync($"/api/forums/{plan.ForumId}/review-schedule");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.WithDbAsync(db => db.ReviewCycles.Where(c => c.ForumId == plan.ForumId).Select(c => c.Id).ToListAsync())).ShouldBe([open]);
        (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId))).ReviewSchedule.ShouldBeNull();
        await ProblemAsync(await secretariat.GetAsync($"/api/forums/{plan.ForumId}/review-schedule"), HttpStatusCode.NotFound);
        await ProblemAsync(await secretariat.DeleteAsync($"/api/forums/{plan.ForumId}/review-schedule"), HttpStatusCode.NotFound);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == plan.ForumId && a.Action == "RemoveReviewSchedule"));
        audit.After!.ShouldContain("\"reviewSchedule\":null");
    }

    private Task<List<(DateOnly, DateOnly, ReviewCycleState)>> CyclesAsync(Guid forumId) =>
        app.WithDbAsync(async db => (await db.ReviewCycles.AsNoTracking().Where(c => c.ForumId == forumId).ToListAsync())
            .OrderBy(c => c.OpensOn)
            .Select(c => (c.OpensOn, c.SubmissionDeadline, c.State))
            .ToList());

    private async Task NothingWrittenAsync(Guid forumId)
    {
        (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId))).ReviewSchedule.ShouldBeNull();
        (await app.WithDbAsync(db => db.ReviewCycles.CountAsync(c => c.ForumId == forumId))).ShouldBe(0);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == forumId && a.Change == "Updated"))).ShouldBe(0);
    }
}

public sealed class ReviewScheduleApiTestsOnSqlite(SqliteApp app) : ReviewScheduleApiTests<SqliteApp>(app);

public sealed class ReviewScheduleApiTestsOnPostgreSql(PostgreSqlApp app) : ReviewScheduleApiTests<PostgreSqlApp>(app);
