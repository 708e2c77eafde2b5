using Coordination.Browser.Tests.Infrastructure;

namespace Coordination.Browser.Tests.Accessibility;

/// <summary>axe-core finds no serious or critical violation on the pages every person meets.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    [Theory]
    [InlineData("English")]
    [InlineData("Español")]
    public async Task SignInPage_Axe_NoSeriousViolations(string language)
    {
        await using var session = await app.OpenAsync();
        await session.Page.GotoAsync("/account/sign-in");
        await session.Page.SwitchLanguageAsync(language);

        await session.Page.ShouldHaveNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task SignInPage_WithValidationErrors_Axe_NoSeriousViolations()
    {
        await using var session = await app.OpenAsync();
        await session.Page.GotoAsync("/account/sign-in");
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await session.Page.Locator(".field-validation-error").First.WaitForAsync();

        await session.Page.ShouldHaveNoSeriousViolationsAsync();
    }

    [Theory]
    [InlineData(DemoPeople.Secretariat)]
    [InlineData(DemoPeople.FocalDom)]
    [InlineData(DemoPeople.Viewer)]
    public async Task HomePage_Axe_NoSeriousViolations(string email)
    {
        await using var session = await app.OpenAsync();
        await session.Page.SignInAsync(email);

        await session.Page.ShouldHaveNoSeriousViolationsAsync();
        session.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task NotFoundPage_Axe_NoSeriousViolations()
    {
        await using var session = await app.OpenAsync();
        await session.Page.SignInAsync(DemoPeople.Viewer);
        var response = await session.Page.GotoAsync($"/no-such-page-{Guid.NewGuid():N}");

        await session.Page.ShouldBeTheErrorPageAsync(response, 404, "Page not found");
        await session.Page.ShouldHaveNoSeriousViolationsAsync();
    }
}
