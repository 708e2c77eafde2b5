using Coordination.Browser.Tests.Infrastructure;

namespace Coordination.Browser.Tests.Accessibility;

/// <summary>axe-core on the pages of the progress cycle, as the focal point and the secretariat see them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAccessibilityTests(BrowserApp app)
{
    [Fact]
    public async Task FocalPointPages_Axe_NoSeriousViolations()
    {
        var actionPointId = await app.DemoActionPointIdAsync("RF22-06");
        var assignmentId = await app.DemoAssignmentIdAsync("RF22-06", "INM");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.FocalDom);
        await page.SwitchLanguageAsync("English");

        foreach (var path in new[] { "/", "/action-points", $"/action-points/{actionPointId}", $"/assignments/{assignmentId}", $"/assignments/{assignmentId}/report", "/calendar", "/calendar/regenerate" })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            await page.ShouldHaveNoSeriousViolationsAsync();
        }

        session.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task FocalPointHome_WithReportsDueInTheOpenCycle_Axe_NoSeriousViolations()
    {
        // Belize's migration institution has not reported in the demo's open review cycle.
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync("focal.mig-blz@example.org");
        await page.SwitchLanguageAsync("English");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Progress reports due" }).WaitForAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        session.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task ReportForm_WithErrorsBesideTheFields_Axe_NoSeriousViolations()
    {
        var assignmentId = await app.DemoAssignmentIdAsync("RF22-10", "INM");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.FocalDom);
        await page.GotoAsync($"/assignments/{assignmentId}/report");

        // Spanish (their preference): an empty narrative and a link that is not a web address are refused beside the fields.
        await page.GetByLabel("Enlace de evidencia 1", new() { Exact = true }).FillAsync("not a link");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Enviar informe", Exact = true }).ClickAsync();
        await page.Locator(".field-validation-error").First.WaitForAsync();

        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task FocalPointPages_OnAPhone_FitTheScreenAndAxeFindsNoSeriousViolations()
    {
        var assignmentId = await app.DemoAssignmentIdAsync("RF22-10", "INM");
        await using var session = await app.OpenAsync(phone: true);
        var page = session.Page;
        await page.SignInAsync(DemoPeople.FocalDom);

        foreach (var path in new[] { "/", $"/assignments/{assignmentId}", $"/assignments/{assignmentId}/report" })
        {
            await page.GotoAsync(path);
            // Nothing wider than the screen: a focal point on a phone never scrolls sideways to reach a field.
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .ShouldBeTrue($"{path} is wider than a phone's screen");
            await page.ShouldHaveNoSeriousViolationsAsync();
        }
    }

    [Fact]
    public async Task SecretariatPages_Axe_NoSeriousViolations()
    {
        var actionPointId = await app.DemoActionPointIdAsync("RF22-05");
        var awaiting = await app.DemoAssignmentIdAsync("RF22-05", "ONE"); // the demo's resubmitted update awaits validation
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(DemoPeople.Secretariat);

        foreach (var path in new[] { "/", "/validation", "/action-points", "/action-points?overdue=true", $"/action-points/{actionPointId}", $"/assignments/{awaiting}" })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            await page.ShouldHaveNoSeriousViolationsAsync();
        }

        await page.SwitchLanguageAsync("Español");
        await page.GotoAsync("/validation");
        (await page.Heading().TextContentAsync())!.Trim().ShouldBe("Bandeja de validación");
        await page.ShouldHaveNoSeriousViolationsAsync();
        session.ShouldHaveNoConsoleErrors();
    }
}
