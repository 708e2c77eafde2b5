using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Pages.Home;

public sealed class HomePageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Home_ForTheSecretariat_ShowsWhatNeedsAttention()
    {
        using var client = app.CreateBrowserlikeClient();
        await client.SignInWithCookieAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync("/");

        var queue = page.QuerySelector("#queue-heading")!.ParentElement!;
        queue.TextContent.ShouldContain("RF22-05 · ONE"); // the demo's resubmitted update
        var overdue = page.QuerySelector("#overdue-heading")!.ParentElement!;
        overdue.TextContent.ShouldContain("RF22-04");
        page.QuerySelector("#silent-heading").ShouldNotBeNull();
        page.QuerySelectorAll("nav a.nav-link").Select(a => a.GetAttribute("href")).ShouldContain("/validation");
    }

    [Fact]
    public async Task Home_ForAFocalPoint_ListsTheirAssignmentsMostUrgentFirst_InTheirLanguage()
    {
        using var client = app.CreateBrowserlikeClient();
        await client.SignInWithCookieAsync(TestPeople.FocalDom); // prefers Spanish

        var page = await client.GetDocumentAsync("/");

        page.QuerySelector("#mine-heading")!.TextContent.ShouldBe("Asignaciones de su organización");
        var first = page.QuerySelectorAll("#mine-heading ~ ul.list-group > li").First();
        first.TextContent.ShouldContain("RF22-04");
        first.QuerySelector(".flag-overdue")!.TextContent.ShouldBe("Vencido");
        var report = first.QuerySelector("a.btn")!;
        report.TextContent.ShouldStartWith("Informar avance");
        report.GetAttribute("href").ShouldEndWith("/report?returnUrl=%2F"); // back home after submitting
        page.QuerySelectorAll("#mine-heading ~ ul.list-group a.fw-semibold").Select(a => a.TextContent)
            .ShouldAllBe(text => !text.Contains("RF22-09")); // another organization's work is not on their list
        page.QuerySelectorAll("nav a.nav-link").Select(a => a.GetAttribute("href")).ShouldNotContain("/validation");
    }

    [Fact]
    public async Task Home_ForAViewer_ShowsTheRegionalFigures()
    {
        using var client = app.CreateBrowserlikeClient();
        await client.SignInWithCookieAsync(TestPeople.Viewer);

        var page = await client.GetDocumentAsync("/");

        var overview = page.QuerySelector("#overview-heading")!.ParentElement!;
        overview.QuerySelectorAll(".status").Select(b => b.TextContent).ShouldBe(["Not started", "In progress", "Completed", "On hold", "Cancelled"]);
        page.QuerySelector("#mine-heading").ShouldBeNull();
        page.QuerySelector("#queue-heading").ShouldBeNull();
    }
}
