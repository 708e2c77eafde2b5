using System.Net;
using AngleSharp.Dom;
using Coordination.Application.Common.Security;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.ReviewCycles;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;
using static Coordination.Web.Tests.Pages.Forums.PageSteps;

namespace Coordination.Web.Tests.Pages.Reviews;

public abstract class ReviewPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string SantoDomingo = ReviewCycleArrange.SantoDomingo;

    [Fact]
    public async Task Reviews_ForTheSecretariat_ShowTheScheduleTheCyclesAndTheirActions()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = ReviewCycleArrange.UtcToday();
        await app.SetScheduleAsync(plan.ForumId, ReviewSchedule.Create(ReviewRecurrence.Quarterly, null, today.AddDays(10), 30, [14, 7], 5, SantoDomingo));
        var open = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-5), today.AddDays(20), open: true, name: "Open review");
        var scheduled = await app.CreateCycleAsync(plan.ForumId, today.AddDays(40), today.AddDays(60), name: "Later review");
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/reviews?forum={plan.ForumId}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Reviews");
        var facts = page.QuerySelector(".review-schedule dl")!.TextContent;
        facts.ShouldContain("Quarterly");
        facts.ShouldContain("30 days");
        facts.ShouldContain("14, 7 days before the deadline");
        facts.ShouldContain("5 days after the deadline");
        facts.ShouldContain(SantoDomingo);
        page.QuerySelector($"main a[href='/reviews/schedule?forum={plan.ForumId}']")!.TextContent.ShouldBe("Change the schedule");
        page.QuerySelector($"main a[href='/reviews/schedule/remove?forum={plan.ForumId}']").ShouldNotBeNull();
        page.QuerySelector(".list-count")!.TextContent.ShouldBe("2 review cycles");
        Row(page, scheduled).QuerySelector("a")!.TextContent.ShouldBe("Later review");
        Row(page, scheduled).QuerySelector(".review-state")!.TextContent.ShouldBe("Scheduled");
        Row(page, scheduled).QuerySelector("form button")!.TextContent.ShouldStartWith("Open");
        Row(page, open).QuerySelector(".review-state")!.TextContent.ShouldBe("Open");
        Row(page, open).QuerySelector($"a[href='/reviews/{open}/close']").ShouldNotBeNull();
        Row(page, open).QuerySelector("form").ShouldBeNull();
        page.QuerySelector("input[name='Input.Name']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Reviews_OfAForumWithNeitherScheduleNorCycles_SayWhatToDo()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/reviews?forum={plan.ForumId}");

        var empty = page.QuerySelectorAll(".empty-state").Select(e => e.TextContent).ToList();
        empty.ShouldContain(t => t.StartsWith("This forum has no review schedule. Set one", StringComparison.Ordinal));
        empty.ShouldContain(t => t.StartsWith("No review cycle yet.", StringComparison.Ordinal));
        page.QuerySelector($"main a[href='/reviews/schedule?forum={plan.ForumId}']")!.TextContent.ShouldBe("Set a schedule");
        page.QuerySelector("main table").ShouldBeNull();
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task Reviews_ForAFocalPointOrAViewer_ShowNoActions_AndForgedPostsAreRefused(string email)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = ReviewCycleArrange.UtcToday();
        var scheduled = await app.CreateCycleAsync(plan.ForumId, today, today.AddDays(20));
        var open = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-30), today.AddDays(-1), open: true);
        using var client = await app.BrowserAsync(email);

        var page = await client.GetDocumentAsync($"/reviews?forum={plan.ForumId}");
        page.QuerySelector("h1")!.TextContent.ShouldBeOneOf("Reviews", "Ciclos de revisión");
        page.QuerySelectorAll("main tbody tr").Length.ShouldBe(2);
        page.QuerySelectorAll("main form[method='post']").ShouldBeEmpty();
        page.QuerySelector("main a[href^='/reviews/schedule']").ShouldBeNull();
        page.QuerySelector($"main a[href='/reviews/{open}/close']").ShouldBeNull();
        (await client.GetDocumentAsync($"/reviews/{open}")).QuerySelector("main form[method='post']").ShouldBeNull();

        (await client.PostWithTokenFromAsync("/account/profile", $"/reviews?handler=open&forum={plan.ForumId}", Fields(("cycleId", scheduled.ToString()))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostWithTokenFromAsync("/account/profile", $"/reviews/{open}/close")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostWithTokenFromAsync("/account/profile", $"/reviews?handler=create&forum={plan.ForumId}", Fields(
            ("Input.Name", "Forged review"), ("Input.OpensOn", $"{today:yyyy-MM-dd}"), ("Input.SubmissionDeadline", $"{today.AddDays(9):yyyy-MM-dd}"))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostWithTokenFromAsync("/account/profile", $"/reviews/schedule?forum={plan.ForumId}", Fields(
            ("Input.Recurrence", "Monthly"), ("Input.FirstOpensOn", $"{today:yyyy-MM-dd}"), ("Input.WindowDays", "10"), ("Input.TimeZone", SantoDomingo))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/reviews/schedule?forum={plan.ForumId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/reviews/{open}/close")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.CycleAsync(scheduled)).State.ShouldBe(ReviewCycleState.Scheduled);
        (await app.CycleAsync(open)).State.ShouldBe(ReviewCycleState.Open);
        (await app.CyclesAsync(plan.ForumId)).Count.ShouldBe(2);
        (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId))).ReviewSchedule.ShouldBeNull();
    }

    [Fact]
    public async Task Reviews_OfAForumTheFocalPointDoesNotTakePartIn_AreNotFound()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = ReviewCycleArrange.UtcToday();
        var cycle = await app.CreateCycleAsync(plan.ForumId, today, today.AddDays(20), open: true);
        using var client = await app.BrowserAsync(TestPeople.FocalMex);

        (await client.GetAsync($"/reviews?forum={plan.ForumId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/reviews/{cycle}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schedule_WithBadInput_ShowsEachMessageBesideItsField_AndSavesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var url = $"/reviews/schedule?forum={plan.ForumId}";

        var offsets = await client.PostFormAsync(url, [
            ("Input.Recurrence", "Quarterly"), ("Input.FirstOpensOn", "2026-10-01"), ("Input.WindowDays", "30"),
            ("Input.ReminderOffsets", "14, soon"), ("Input.TimeZone", SantoDomingo)]);
        offsets.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await offsets.ReadDocumentAsync()).FieldError("Input.ReminderOffsets").ShouldBe("Write the days as whole numbers separated by commas, e.g. 14, 7, 1.");

        var rules = await client.PostFormAsync(url, [
            ("Input.Recurrence", "Quarterly"), ("Input.FirstOpensOn", "2026-10-01"), ("Input.WindowDays", "0"),
            ("Input.ReminderOffsets", ""), ("Input.TimeZone", "Mars/Olympus_Mons")]);
        rules.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await rules.ReadDocumentAsync();
        page.FieldError("Input.WindowDays").ShouldBe("The submission window is between 1 and 180 days.");
        page.FieldError("Input.TimeZone").ShouldBe("'Mars/Olympus_Mons' is not a known time zone (use an IANA id such as America/Santo_Domingo).");
        page.QuerySelector(".alert-danger").ShouldNotBeNull();

        var cron = await client.PostFormAsync(url, [
            ("Input.Recurrence", "Cron"), ("Input.CronExpression", ""), ("Input.FirstOpensOn", ""), ("Input.WindowDays", "30"), ("Input.TimeZone", SantoDomingo)]);
        var cronPage = await cron.ReadDocumentAsync();
        cronPage.FieldError("Input.FirstOpensOn").ShouldBe("Say on which day the first cycle opens.");

        (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId))).ReviewSchedule.ShouldBeNull();
        (await app.CyclesAsync(plan.ForumId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Schedule_SetThroughTheForm_IsSavedShownAndAudited_ThenRemovedAfterConfirmation()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var firstOpensOn = ReviewCycleArrange.TodayIn(DateTimeOffset.UtcNow, SantoDomingo).AddDays(20);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var form = await client.GetDocumentAsync($"/reviews/schedule?forum={plan.ForumId}");
        form.QuerySelector("h1")!.TextContent.ShouldBe("Set a review schedule");

        var saved = await client.PostFormAsync($"/reviews/schedule?forum={plan.ForumId}", [
            ("Input.Recurrence", "HalfYearly"), ("Input.FirstOpensOn", $"{firstOpensOn:yyyy-MM-dd}"), ("Input.WindowDays", "21"),
            ("Input.ReminderOffsets", "10; 3"), ("Input.MeetingDaysAfterDeadline", "2"), ("Input.TimeZone", " America/Guatemala ")]);

        var page = await client.FollowAsync(saved);
        saved.Headers.Location!.OriginalString.ShouldBe($"/reviews?forum={plan.ForumId}");
        page.Notice().ShouldStartWith("The review schedule of Test forum");
        var facts = page.QuerySelector(".review-schedule dl")!.TextContent;
        facts.ShouldContain("Half-yearly");
        facts.ShouldContain("10, 3 days before the deadline");
        facts.ShouldContain("America/Guatemala");
        var schedule = (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId))).ReviewSchedule!;
        (schedule.Recurrence, schedule.FirstOpensOn, schedule.WindowDays, schedule.MeetingDaysAfterDeadline, schedule.TimeZone)
            .ShouldBe((ReviewRecurrence.HalfYearly, firstOpensOn, 21, (int?)2, "America/Guatemala"));
        schedule.ReminderOffsets.ShouldBe([10, 3]);
        (await app.CyclesAsync(plan.ForumId)).Select(c => (c.OpensOn, c.State)).ShouldBe([(firstOpensOn, ReviewCycleState.Scheduled)]);
        (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityId == plan.ForumId && a.Action == "SetReviewSchedule")))
            .ShouldBe(1);
        var change = await client.GetDocumentAsync($"/reviews/schedule?forum={plan.ForumId}");
        change.QuerySelector("h1")!.TextContent.ShouldBe("Change the review schedule");
        change.QuerySelector("input[name='Input.ReminderOffsets']")!.GetAttribute("value").ShouldBe("10, 3");

        var confirm = await client.GetDocumentAsync($"/reviews/schedule/remove?forum={plan.ForumId}");
        confirm.QuerySelector("h1")!.TextContent.ShouldStartWith("Remove the review schedule of Test forum");
        var removed = await client.PostFormAsync($"/reviews/schedule/remove?forum={plan.ForumId}", []);
        (await client.FollowAsync(removed)).Notice().ShouldEndWith("was removed.");
        (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId))).ReviewSchedule.ShouldBeNull();
        (await app.CyclesAsync(plan.ForumId)).ShouldBeEmpty("the cycle it made had not opened");
        (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityId == plan.ForumId && a.Action == "RemoveReviewSchedule")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Cycle_CreatedByHand_ThenOpenedAndClosedAfterConfirmation_ChangesItsState()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"], requiresValidation: false);
        var today = ReviewCycleArrange.TodayIn(DateTimeOffset.UtcNow, "UTC");
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var name = $"Extraordinary review {Unique()}";
        var list = $"/reviews?forum={plan.ForumId}";

        var created = await client.PostFormAsync(list, [
            ("Input.Name", name), ("Input.OpensOn", $"{today:yyyy-MM-dd}"), ("Input.SubmissionDeadline", $"{today.AddDays(14):yyyy-MM-dd}"),
            ("Input.MeetingDate", "")], "main form[action*='handler=create']");
        var afterCreate = await client.FollowAsync(created);
        afterCreate.Notice().ShouldStartWith($"The review cycle {name} was created.");
        var cycle = (await app.CyclesAsync(plan.ForumId)).ShouldHaveSingleItem();
        (cycle.Name, cycle.State, cycle.FromSchedule, cycle.MeetingDate).ShouldBe((name, ReviewCycleState.Scheduled, false, (DateOnly?)null));
        Row(afterCreate, cycle.Id).QuerySelector(".review-state")!.TextContent.ShouldBe("Scheduled");
        var waiting = await client.GetDocumentAsync($"/reviews/{cycle.Id}");
        waiting.QuerySelector(".compliance-source")!.TextContent.ShouldContain("The cycle has not opened yet");
        waiting.QuerySelector("td.missing a").ShouldBeNull("nothing is missing before the cycle opens");

        var opened = await client.PostFormAsync(list, [], $"#cycle-{cycle.Id} form");
        var afterOpen = await client.FollowAsync(opened);
        afterOpen.Notice().ShouldStartWith($"The review cycle {name} is open.");
        Row(afterOpen, cycle.Id).QuerySelector(".review-state")!.TextContent.ShouldBe("Open");
        (await app.CycleAsync(cycle.Id)).State.ShouldBe(ReviewCycleState.Open);
        (await app.CycleMailsAsync(cycle.Id)).ShouldNotBeEmpty("the focal points of INM are mailed");

        var confirm = await client.GetDocumentAsync($"/reviews/{cycle.Id}/close");
        confirm.QuerySelector("h1")!.TextContent.ShouldBe($"Close the review cycle {name}?");
        confirm.QuerySelector("main")!.TextContent.ShouldContain("1 of 1 expected reports are still missing.");
        (await app.CycleAsync(cycle.Id)).State.ShouldBe(ReviewCycleState.Open, "asking is not closing");

        var closed = await client.PostFormAsync($"/reviews/{cycle.Id}/close", []);
        closed.Headers.Location!.OriginalString.ShouldBe($"/reviews/{cycle.Id}");
        var details = await client.FollowAsync(closed);
        details.Notice().ShouldStartWith($"The review cycle {name} is closed");
        details.QuerySelector("h1 + .review-state")!.TextContent.ShouldBe("Closed");
        details.QuerySelector(".compliance-source")!.TextContent.ShouldContain("As frozen in the snapshot");
        (await app.CycleAsync(cycle.Id)).State.ShouldBe(ReviewCycleState.Closed);
        (await app.WithDbAsync(db => db.CycleSnapshots.CountAsync(s => s.ReviewCycleId == cycle.Id))).ShouldBe(1);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == cycle.Id).Select(a => a.Action).ToListAsync());
        audit.ShouldBe(["CreateReviewCycle", "OpenReviewCycle", "CloseReviewCycle"], ignoreOrder: true);
    }

    [Fact]
    public async Task Cycle_ByHandWithBadDates_ShowsTheMessagesBesideTheFields_AndCreatesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var response = await client.PostFormAsync($"/reviews?forum={plan.ForumId}", [
            ("Input.Name", " "), ("Input.OpensOn", "2026-12-01"), ("Input.SubmissionDeadline", "2026-11-01")], "main form[action*='handler=create']");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.FieldError("Input.Name").ShouldBe("Enter the cycle's name, e.g. 2026-Q3 review.");

        var dates = await client.PostFormAsync($"/reviews?forum={plan.ForumId}", [
            ("Input.Name", "Backwards review"), ("Input.OpensOn", "2026-12-01"), ("Input.SubmissionDeadline", "2026-11-01")],
            "main form[action*='handler=create']");
        (await dates.ReadDocumentAsync()).FieldError("Input.SubmissionDeadline").ShouldBe("The submission deadline cannot be before the cycle opens.");

        (await app.CyclesAsync(plan.ForumId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cycle_OpenedTwice_SaysItIsAlreadyOpen()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = ReviewCycleArrange.UtcToday();
        var cycle = await app.CreateCycleAsync(plan.ForumId, today, today.AddDays(20));
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var list = await client.GetDocumentAsync($"/reviews?forum={plan.ForumId}");
        var version = list.QuerySelector($"#cycle-{cycle} input[name='version']")!.GetAttribute("value")!;
        (await client.FollowAsync(await client.PostFormAsync($"/reviews?forum={plan.ForumId}", [], $"#cycle-{cycle} form"))).Notice().ShouldNotBeEmpty();

        var again = await client.PostWithTokenFromAsync("/account/profile", $"/reviews?handler=open&forum={plan.ForumId}", Fields(("cycleId", cycle.ToString())));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadDocumentAsync()).QuerySelector(".alert-danger")!.TextContent.ShouldContain("This review cycle is already open.");
        var stale = await client.PostWithTokenFromAsync("/account/profile", $"/reviews/{cycle}/close", Fields(("Version", version)));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.ReadDocumentAsync()).QuerySelector(".alert-danger")!.TextContent.ShouldContain("changed by someone else");
        (await app.CycleAsync(cycle)).State.ShouldBe(ReviewCycleState.Open);
    }

    [Fact]
    public async Task Compliance_OfACycle_CountsOnTimeLateAndMissingPerOrganization_WithLinksToTheMissing()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX", "ONE"], ["INM", "MIG-MEX", "ONE"], requiresValidation: false);
        var today = ReviewCycleArrange.TodayIn(DateTimeOffset.UtcNow, "UTC");
        var cycle = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-20), today.AddDays(-5), open: true, name: "Past-deadline review");
        await app.ReportAsync(plan.AssignmentIds["INM"], cycle, DateTime.UtcNow.AddDays(-10));
        await app.ReportAsync(plan.AssignmentIds["MIG-MEX"], cycle, DateTime.UtcNow.AddDays(-2));
        using var client = await app.BrowserAsync(TestPeople.Viewer);

        var page = await client.GetDocumentAsync($"/reviews/{cycle}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Past-deadline review");
        page.QuerySelector(".compliance-source")!.TextContent.ShouldContain("Live figures");
        Counts(page, plan.OrganizationIds["INM"]).ShouldBe(["1", "1", "0", "0"]);
        Counts(page, plan.OrganizationIds["MIG-MEX"]).ShouldBe(["1", "0", "1", "0"]);
        Counts(page, plan.OrganizationIds["ONE"]).ShouldBe(["1", "0", "0", "1"]);
        page.QuerySelectorAll(".compliance-total td.number").Select(c => c.TextContent.Trim()).ShouldBe(["3", "1", "1", "1"]);
        page.QuerySelector($"#organization-{plan.OrganizationIds["ONE"]} td.missing a")!.GetAttribute("href")
            .ShouldBe($"/action-points?forum={plan.ForumId}&organization={plan.OrganizationIds["ONE"]}");
        page.QuerySelector($"#organization-{plan.OrganizationIds["INM"]} td.missing a").ShouldBeNull();
        page.QuerySelector($"#organization-{plan.OrganizationIds["INM"]} th")!.TextContent.ShouldBe("National Migration Institute of the Dominican Republic");
        page.QuerySelector("main .list-count")!.TextContent.ShouldContain("1 of 3 expected reports are still missing.");
    }

    [Fact]
    public async Task ReviewPages_InSpanish_ShowSpanishHeadings()
    {
        var secretariat = await app.CreatePersonAsync(Roles.Secretariat, "IOM", "es");
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var today = ReviewCycleArrange.UtcToday();
        var cycle = await app.CreateCycleAsync(plan.ForumId, today, today.AddDays(20), open: true, name: "Revisión 2026-T4");
        using var client = await app.SignedInAsync(secretariat);

        var list = await client.GetDocumentAsync($"/reviews?forum={plan.ForumId}");
        list.QuerySelector("h1")!.TextContent.ShouldBe("Ciclos de revisión");
        list.QuerySelector("#schedule-heading")!.TextContent.ShouldBe("Calendario de revisiones");
        list.QuerySelector("#new-cycle-heading")!.TextContent.ShouldBe("Crear un ciclo de revisión manualmente");
        Row(list, cycle).QuerySelector(".review-state")!.TextContent.ShouldBe("Abierto");
        (await client.GetDocumentAsync($"/reviews/{cycle}")).QuerySelector("#compliance-heading")!.TextContent.ShouldBe("Cumplimiento de los informes");
        (await client.GetDocumentAsync($"/reviews/schedule?forum={plan.ForumId}")).QuerySelector("h1")!.TextContent.ShouldBe("Establecer un calendario de revisiones");
        (await client.GetDocumentAsync($"/reviews/{cycle}/close")).QuerySelector("h1")!.TextContent.ShouldBe("¿Cerrar el ciclo de revisión Revisión 2026-T4?");
    }

    private static IElement Row(IDocument page, Guid cycleId) =>
        page.QuerySelector($"#cycle-{cycleId}") ?? throw new ShouldAssertException($"No row for cycle {cycleId}.");

    /// <summary>The figures as seen: without the words added for screen readers.</summary>
    private static List<string> Counts(IDocument page, Guid organizationId) =>
        [.. page.QuerySelectorAll($"#organization-{organizationId} td.number")
            .Select(c => (c.QuerySelector(".visually-hidden") is { } hidden
                ? c.TextContent.Replace(hidden.TextContent, "", StringComparison.Ordinal)
                : c.TextContent).Trim())];
}

public sealed class ReviewPagesTestsOnSqlite(SqliteApp app) : ReviewPagesTests<SqliteApp>(app);

public sealed class ReviewPagesTestsOnPostgreSql(PostgreSqlApp app) : ReviewPagesTests<PostgreSqlApp>(app);
