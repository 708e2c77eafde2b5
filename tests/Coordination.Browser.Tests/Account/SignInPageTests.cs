using Coordination.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Account;

[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(BrowserApp app)
{
    [Fact]
    public async Task SignInPage_Opened_RendersWithoutConsoleErrors()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/account/sign-in");

        response!.Status.ShouldBe(200);
        (await page.Heading().TextContentAsync())!.Trim().ShouldBe("Sign in");
        (await page.GetByLabel("E-mail address").IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByLabel("Password", new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        session.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task SignIn_DemoSecretariatThroughTheForm_LandsOnHomeSignedIn()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;

        await page.SignInAsync(DemoPeople.Secretariat);

        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        (await page.Heading().TextContentAsync())!.ShouldContain("Welcome");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync()).ShouldBeTrue();
        session.ShouldHaveNoConsoleErrors();
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndStaysSignedOut()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/sign-in");

        await page.GetByLabel("E-mail address").FillAsync(DemoPeople.Viewer);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await page.GetByText("The e-mail address or password is not correct.").WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/sign-in");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task LanguageSwitch_Espanol_TurnsSignInAndHomeIntoSpanish()
    {
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/sign-in");

        await page.SwitchLanguageAsync("Español");

        (await page.Heading().TextContentAsync())!.Trim().ShouldBe("Iniciar sesión");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).GetAttributeAsync("aria-pressed")).ShouldBe("true");

        // The choice outlives the sign-in: the secretariat (who prefers English) now sees home in Spanish.
        await page.GetByLabel("Correo electrónico").FillAsync(DemoPeople.Secretariat);
        await page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync(DemoPeople.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Iniciar sesión", Exact = true }).ClickAsync();
        await page.WaitForPathAsync(path => path == "/");
        (await page.Heading().TextContentAsync())!.ShouldStartWith("Le damos la bienvenida");
        session.ShouldHaveNoConsoleErrors();
    }
}
