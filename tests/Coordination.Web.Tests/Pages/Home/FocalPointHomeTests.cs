using AngleSharp.Dom;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.ReviewCycles;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;
using static Coordination.Web.Tests.Pages.Forums.PageSteps;

namespace Coordination.Web.Tests.Pages.Home;

/// <summary>
/// What a focal point meets first: the open review cycle of each of their forums, with the deadline and what their
/// organization has still to report in it, one click from the report form.
/// </summary>
public abstract class FocalPointHomeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task Home_OfADemoFocalPointWhoseOrganizationHasNotReported_ListsTheMissingReportsWithTheirReportLinks()
    {
        var forumId = await app.DemoForumIdAsync();
        var open = (await app.CyclesAsync(forumId)).Single(c => c.State == ReviewCycleState.Open);
        var missing = await MissingCodesAsync(forumId, open.Id, "MIG-BLZ");
        missing.ShouldNotBeEmpty();
        using var client = await app.BrowserAsync("focal.mig-blz@example.org", "es");

        var page = await client.GetDocumentAsync("/");

        page.QuerySelector("#cycles-heading")!.TextContent.ShouldBe("Informes de avance pendientes");
        var card = Card(page, open.Id);
        card.QuerySelector("h3")!.TextContent.ShouldContain(open.Name);
        var deadline = card.QuerySelector(".reporting-deadline")!;
        deadline.QuerySelector("time")!.GetAttribute("datetime").ShouldBe(open.SubmissionDeadline.ToString("yyyy-MM-dd"));
        var daysLeft = open.SubmissionDeadline.DayNumber - ReviewCycleArrange.TodayIn(DateTimeOffset.UtcNow, ReviewCycleArrange.SantoDomingo).DayNumber;
        deadline.QuerySelector(".badge")!.TextContent.ShouldBe($"en {daysLeft} días");
        var rows = card.QuerySelectorAll(".reporting-missing > li").ToList();
        rows.Select(r => r.QuerySelector("a.fw-semibold")!.TextContent.Split(" · ")[0]).ShouldBe(missing);
        rows.ShouldAllBe(r => r.QuerySelector(".flag-missing")!.TextContent == "Informe no presentado");
        foreach (var row in rows)
        {
            var assignment = row.QuerySelector("a.fw-semibold")!.GetAttribute("href")!;
            row.QuerySelector("a.btn")!.GetAttribute("href").ShouldBe($"{assignment}/report?returnUrl=%2F");
        }

        // The same assignments carry the flag in the organization's list below.
        page.QuerySelectorAll("#mine-heading ~ ul.list-group .flag-missing").Length.ShouldBe(missing.Count);
    }

    [Fact]
    public async Task Home_OfADemoFocalPointWhoseOrganizationHasReported_SaysSo()
    {
        var forumId = await app.DemoForumIdAsync();
        var open = (await app.CyclesAsync(forumId)).Single(c => c.State == ReviewCycleState.Open);
        using var client = await app.BrowserAsync(TestPeople.FocalDom, "es");

        var page = await client.GetDocumentAsync("/");

        var card = Card(page, open.Id);
        card.QuerySelector(".reporting-missing").ShouldBeNull();
        card.QuerySelector(".reporting-done")!.TextContent.ShouldBe("Su organización ha informado sobre todas sus asignaciones en este ciclo. ¡Gracias!");
        page.QuerySelector(".flag-missing").ShouldBeNull();
    }

    [Fact]
    public async Task Home_WithAnOpenCyclePastItsDeadline_ShowsItOverdue_AndEmptiesTheListOnceReported()
    {
        var plan = await app.CreatePlanAsync(["MIG-SLV"], ["MIG-SLV"]);
        var today = ReviewCycleArrange.UtcToday();
        var cycle = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-30), today.AddDays(-2), open: true, name: "Late review");
        var person = await app.CreatePersonAsync(Roles.FocalPoint, plan.OrganizationIds["MIG-SLV"]);
        using var client = await app.SignedInAsync(person);

        var card = Card(await client.GetDocumentAsync("/"), cycle);
        var badge = card.QuerySelector(".reporting-deadline .badge")!;
        badge.TextContent.ShouldBe("overdue by 2 days");
        badge.ClassList.ShouldContain("flag-overdue");
        var row = card.QuerySelector(".reporting-missing > li")!;
        row.TextContent.ShouldContain("Draft a regional glossary");
        row.QuerySelector(".flag-missing")!.TextContent.ShouldBe("Missing report");
        row.QuerySelector("a.btn")!.GetAttribute("href").ShouldBe($"/assignments/{plan.AssignmentIds["MIG-SLV"]}/report?returnUrl=%2F");

        await app.ReportAsync(plan.AssignmentIds["MIG-SLV"], cycle, DateTime.UtcNow);

        card = Card(await client.GetDocumentAsync("/"), cycle);
        card.QuerySelector(".reporting-missing").ShouldBeNull();
        card.QuerySelector(".reporting-done")!.TextContent.ShouldBe("Your organization has reported on every assignment in this cycle. Thank you!");
    }

    [Fact]
    public async Task Home_WithTheDeadlineTodayOrTomorrow_SaysSo()
    {
        var plan = await app.CreatePlanAsync(["NSO-SLV"], ["NSO-SLV"]);
        var other = await app.CreatePlanAsync(["NSO-SLV"], ["NSO-SLV"]);
        var today = ReviewCycleArrange.UtcToday();
        var dueToday = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-30), today, open: true);
        var dueTomorrow = await app.CreateCycleAsync(other.ForumId, today.AddDays(-30), today.AddDays(1), open: true);
        using var client = await app.SignedInAsync(await app.CreatePersonAsync(Roles.FocalPoint, plan.OrganizationIds["NSO-SLV"]));

        var page = await client.GetDocumentAsync("/");

        Card(page, dueToday).QuerySelector(".reporting-deadline .badge")!.TextContent.ShouldBe("today");
        Card(page, dueTomorrow).QuerySelector(".reporting-deadline .badge")!.TextContent.ShouldBe("tomorrow");
        // The nearest deadline first.
        var cards = page.QuerySelectorAll(".reporting-cycle").Select(c => c.GetAttribute("aria-labelledby")).ToList();
        cards.IndexOf($"cycle-{dueToday}").ShouldBeLessThan(cards.IndexOf($"cycle-{dueTomorrow}"));
    }

    [Fact]
    public async Task Home_WithoutAnOpenCycle_ShowsOnlyWhenTheNextOneOpens_OrNothing()
    {
        var scheduled = await app.CreatePlanAsync(["MIG-NIC"], ["MIG-NIC"]);
        var quiet = await app.CreatePlanAsync(["MIG-NIC"], ["MIG-NIC"]);
        var today = ReviewCycleArrange.UtcToday();
        var next = await app.CreateCycleAsync(scheduled.ForumId, today.AddDays(20), today.AddDays(50), name: "Next review");
        var closed = await app.CreateCycleAsync(quiet.ForumId, today.AddDays(-60), today.AddDays(-30), open: true);
        await app.WithDbAsync(async db =>
        {
            (await db.ReviewCycles.SingleAsync(c => c.Id == closed)).Close(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var forums = await app.WithDbAsync(db => db.Forums.Where(f => f.Id == scheduled.ForumId || f.Id == quiet.ForumId).ToDictionaryAsync(f => f.Id, f => f.Title));
        using var client = await app.SignedInAsync(await app.CreatePersonAsync(Roles.FocalPoint, scheduled.OrganizationIds["MIG-NIC"]));

        var page = await client.GetDocumentAsync("/");

        page.QuerySelector($"[aria-labelledby='cycle-{next}']").ShouldBeNull();
        page.QuerySelector($"[aria-labelledby='cycle-{closed}']").ShouldBeNull();
        var lines = page.QuerySelectorAll(".reporting-next").ToList();
        var line = lines.Single(l => l.TextContent.Contains(forums[scheduled.ForumId], StringComparison.Ordinal));
        line.TextContent.ShouldStartWith($"The next review cycle of {forums[scheduled.ForumId]}, Next review, opens on");
        line.QuerySelector("time")!.GetAttribute("datetime").ShouldBe(today.AddDays(20).ToString("yyyy-MM-dd"));
        lines.ShouldAllBe(l => !l.TextContent.Contains(forums[quiet.ForumId]));
    }

    [Fact]
    public async Task Home_OfAnOrganizationWithNothingLeftToReport_SaysSo()
    {
        var plan = await app.CreatePlanAsync(["MIG-CRI"], ["MIG-CRI"]);
        var today = ReviewCycleArrange.UtcToday();
        await app.ReportAsync(plan.AssignmentIds["MIG-CRI"], null, DateTime.UtcNow.AddDays(-40), AssignmentStatus.Completed, 100);
        var cycle = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-5), today.AddDays(20), open: true);
        using var client = await app.SignedInAsync(await app.CreatePersonAsync(Roles.FocalPoint, plan.OrganizationIds["MIG-CRI"]));

        var card = Card(await client.GetDocumentAsync("/"), cycle);

        card.QuerySelector(".reporting-missing").ShouldBeNull();
        card.QuerySelector(".reporting-done")!.TextContent.ShouldBe("Your organization has nothing to report in this cycle.");
    }

    [Theory]
    [InlineData(TestPeople.Secretariat)]
    [InlineData(TestPeople.Viewer)]
    public async Task Home_OfTheSecretariatOrAViewer_ShowsNoReportingCycles(string email)
    {
        using var client = await app.BrowserAsync(email);

        var page = await client.GetDocumentAsync("/");

        page.QuerySelector("#cycles-heading").ShouldBeNull();
        page.QuerySelector(".reporting-next").ShouldBeNull();
    }

    [Fact]
    public async Task Home_OfAnotherOrganizationsFocalPoint_DoesNotShowTheCycle()
    {
        var plan = await app.CreatePlanAsync(["MIG-PAN"], ["MIG-PAN"]);
        var today = ReviewCycleArrange.UtcToday();
        var cycle = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-5), today.AddDays(20), open: true);
        using var client = await app.SignedInAsync(await app.CreatePersonAsync(Roles.FocalPoint, await app.OrganizationIdAsync("NSO-PAN")));

        var page = await client.GetDocumentAsync("/");

        page.QuerySelector($"[aria-labelledby='cycle-{cycle}']").ShouldBeNull();
    }

    private static IElement Card(IDocument page, Guid cycleId) =>
        page.QuerySelector($".reporting-cycle[aria-labelledby='cycle-{cycleId}']")
        ?? throw new ShouldAssertException($"No card for cycle {cycleId}: {page.QuerySelector("main")?.TextContent}");

    /// <summary>The organization's assignments in the forum with no update in the cycle, neither completed nor cancelled.</summary>
    private Task<List<string>> MissingCodesAsync(Guid forumId, Guid cycleId, string acronym) =>
        app.WithDbAsync(async db =>
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync();
            var codes = await (
                    from status in db.AssignmentStatuses
                    where status.ForumId == forumId && status.OrganizationId == organizationId
                        && status.Status != AssignmentStatus.Completed && status.Status != AssignmentStatus.Cancelled
                        && !db.ProgressUpdates.Any(u => u.AssignmentId == status.AssignmentId && u.ReviewCycleId == cycleId)
                    join actionPoint in db.ActionPoints on status.ActionPointId equals actionPoint.Id
                    select actionPoint.Code)
                .ToListAsync();
            return codes.Order(StringComparer.Ordinal).ToList();
        });
}

public sealed class FocalPointHomeTestsOnSqlite(SqliteApp app) : FocalPointHomeTests<SqliteApp>(app);

public sealed class FocalPointHomeTestsOnPostgreSql(PostgreSqlApp app) : FocalPointHomeTests<PostgreSqlApp>(app);
