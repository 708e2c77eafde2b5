using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Host;

public abstract class HostTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Anonymous_IsHealthy(string path)
    {
        using var client = app.CreateApiClient();
        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_Anonymous_DescribesTheApi()
    {
        using var client = app.CreateApiClient();
        var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/auth/login");
        paths.ShouldContain("/api/me");
        paths.ShouldContain("/api/organizations/{id}");
    }

    [Fact]
    public async Task ApiReference_Anonymous_IsServedFromTheApp()
    {
        using var client = app.CreateApiClient();
        var response = await client.GetAsync("/api/docs/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Coordination API");
    }

    [Fact]
    public async Task UnknownPage_SignedIn_ShowsTheNotFoundPage()
    {
        using var client = app.CreateBrowserlikeClient();
        await client.SignInWithCookieAsync(TestPeople.Viewer);

        var response = await client.GetAsync("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }

    [Fact]
    public async Task UnknownApiRoute_Is404ProblemDetails()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.FocalDom);

        var response = await client.GetAsync("/api/no-such-route");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Pages_CarryAContentSecurityPolicyWithoutInlineScript()
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await client.GetAsync("/account/sign-in");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
    }

    [Fact]
    public async Task SignInPage_InSpanish_SpeaksSpanish()
    {
        using var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");

        var page = await client.GetDocumentAsync("/account/sign-in");

        page.DocumentElement.GetAttribute("lang").ShouldBe("es");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Iniciar sesión");
        page.QuerySelector("label[for=Input_Password]")!.TextContent.ShouldBe("Contraseña");
    }

    [Fact]
    public async Task LanguageSwitch_ChoosingEspañol_KeepsTheNextPagesInSpanish()
    {
        using var client = app.CreateBrowserlikeClient();
        var switched = await client.SubmitFormAsync("/account/sign-in",
            new Dictionary<string, string> { ["culture"] = "es", ["returnUrl"] = "/account/sign-in" }, "form.language-switch");

        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
        var page = await client.GetDocumentAsync("/account/sign-in");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Iniciar sesión");
    }

    [Fact]
    public async Task SignInApi_EmptyFieldsAskingForSpanish_Is400InSpanish()
    {
        using var client = app.CreateApiClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "", password = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!;
        problem.Title.ShouldBe("La información ingresada no es válida.");
        problem.Errors!["email"].ShouldBe(["El correo electrónico es obligatorio."]);
        problem.Errors["password"].ShouldBe(["La contraseña es obligatoria."]);
    }

    [Fact]
    public async Task Pages_BrowserAskingForSpanish_StayInTheLanguageThePersonChose()
    {
        // Only an API caller's Accept-Language comes before the person's choice; a browser sends one always.
        var person = await app.CreatePersonAsync("Viewer", await app.OrganizationIdAsync("PRM"));
        using var browser = app.CreateBrowserlikeClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        await browser.SignInWithCookieAsync(person.Email!, TestPeople.Password);

        var profile = await browser.GetDocumentAsync("/account/profile");

        profile.QuerySelector("h1")!.TextContent.ShouldBe("Your profile");
    }

    [Fact]
    public async Task LanguageSwitch_WithForeignReturnUrl_StaysOnTheSite()
    {
        using var client = app.CreateBrowserlikeClient();
        var switched = await client.SubmitFormAsync("/account/sign-in",
            new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "//evil.example.com/" }, "form.language-switch");

        switched.Headers.Location!.OriginalString.ShouldBe("/");
    }
}

public sealed class HostTestsOnSqlite(SqliteApp app) : HostTests<SqliteApp>(app);

public sealed class HostTestsOnPostgreSql(PostgreSqlApp app) : HostTests<PostgreSqlApp>(app);
