using Coordination.Browser.Tests.Infrastructure;
using Coordination.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Reports;

/// <summary>
/// The regional dashboard and the country × action matrix of the demo forum in Chromium: they render under the app's
/// real CSP with no console error (the SVG charts need no script and no inline style), the print button's script runs,
/// and axe-core finds no serious or critical violation, in English and in Spanish.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPagesBrowserTests(BrowserApp app)
{
    [Theory]
    [InlineData("English", "Regional dashboard", "Country × action matrix")]
    [InlineData("Español", "Tablero regional", "Matriz país × acción")]
    public async Task DashboardAndMatrix_OfTheDemoForum_RenderWithoutConsoleErrors_AndAxeFindsNoSeriousViolations(
        string language, string dashboardHeading, string matrixHeading)
    {
        var forumId = await DemoForumIdAsync();
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.Secretariat);
        await page.SwitchLanguageAsync(language);

        var dashboard = await page.GotoAsync($"/reports/{forumId}");
        dashboard!.Status.ShouldBe(200);
        (await page.Heading().TextContentAsync())!.Trim().ShouldBe(dashboardHeading);
        (await page.Locator("svg[role='img']").CountAsync()).ShouldBe(5);
        // The print button needs the page's script file: visible means it ran under the CSP.
        (await page.Locator(".js-print").IsVisibleAsync()).ShouldBeTrue();
        await page.ShouldHaveNoSeriousViolationsAsync();

        var matrix = await page.GotoAsync($"/reports/{forumId}/matrix");
        matrix!.Status.ShouldBe(200);
        (await page.Heading().TextContentAsync())!.Trim().ShouldBe(matrixHeading);
        (await page.Locator(".report-matrix tbody tr").CountAsync()).ShouldBe(9); // the demo's nine member states
        await page.ShouldHaveNoSeriousViolationsAsync();

        session.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task Matrix_KeepsItsHeaderRowAndCountryColumnInView_WhenScrolled()
    {
        var forumId = await DemoForumIdAsync();
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.Viewer);
        await page.GotoAsync($"/reports/{forumId}/matrix");

        var wrap = page.Locator(".matrix-wrap");
        await wrap.EvaluateAsync("w => { w.scrollTop = w.scrollHeight; w.scrollLeft = w.scrollWidth; }");
        var wrapBox = (await wrap.BoundingBoxAsync())!;
        var corner = (await page.Locator(".report-matrix thead th.matrix-corner").BoundingBoxAsync())!;
        var lastCountry = (await page.Locator(".report-matrix tbody tr:last-child th").BoundingBoxAsync())!;

        // Sticky: after scrolling to the far corner, the header row and the country column are still at the edges.
        corner.Y.ShouldBeInRange(wrapBox.Y - 1, wrapBox.Y + 40);
        lastCountry.X.ShouldBeInRange(wrapBox.X - 1, wrapBox.X + 2);
        await page.ShouldHaveNoSeriousViolationsAsync();
        session.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task PrintLayout_HidesTheNavigationAndFilters_AndKeepsTheTitleLine()
    {
        var forumId = await DemoForumIdAsync();
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.Secretariat);
        await page.GotoAsync($"/reports/{forumId}");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        (await page.Locator("header .topbar").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("form.report-filters").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator(".report-views").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator(".report-title-line").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#chart-status").IsVisibleAsync()).ShouldBeTrue();
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        pdf.Length.ShouldBeGreaterThan(1000);
    }

    private Task<Guid> DemoForumIdAsync() =>
        app.WithScopeAsync(services => services.GetRequiredService<CoordinationDbContext>().Forums
            .Where(f => f.Title == "Regional Forum on Statistics and Data on Migration")
            .OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
}
