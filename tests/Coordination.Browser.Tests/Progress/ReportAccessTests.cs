using Coordination.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Progress;

/// <summary>Typing another organization's assignment id into the address bar reaches nothing of theirs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportAccessTests(BrowserApp app)
{
    [Fact]
    public async Task ReportForm_AssignmentInAForumTheirOrganizationIsNotIn_ShowsPageNotFound()
    {
        var elsewhere = await app.CreateForumWithAssignmentAsync("INM");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.FocalMex);
        await page.SwitchLanguageAsync("English");

        var response = await page.GotoAsync($"/assignments/{elsewhere}/report");

        await page.ShouldBeTheErrorPageAsync(response, 404, "Page not found");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Submit update" }).CountAsync()).ShouldBe(0);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" }).IsVisibleAsync()).ShouldBeTrue();

        response = await page.GotoAsync($"/assignments/{elsewhere}");
        await page.ShouldBeTheErrorPageAsync(response, 404, "Page not found");
    }

    [Fact]
    public async Task ReportForm_UnknownAssignmentId_ShowsPageNotFoundInTheirLanguage()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.FocalMex);

        var response = await page.GotoAsync($"/assignments/{Guid.NewGuid()}/report");

        await page.ShouldBeTheErrorPageAsync(response, 404, "Página no encontrada"); // focal.mex prefers Spanish
    }

    [Fact]
    public async Task ReportForm_AnotherOrganizationsAssignmentInTheSameForum_IsNotAllowed()
    {
        var inm = await app.DemoAssignmentIdAsync("RF22-06", "INM");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.FocalMex);
        await page.SwitchLanguageAsync("English");

        var response = await page.GotoAsync($"/assignments/{inm}/report");

        await page.ShouldBeTheErrorPageAsync(response, 403, "Not allowed");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Submit update" }).CountAsync()).ShouldBe(0);
    }
}
