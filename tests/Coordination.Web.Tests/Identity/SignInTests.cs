using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Identity;

public abstract class SignInTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task Login_DemoSecretariat_GetsBearerTokenThatOpensMe()
    {
        using var client = app.CreateApiClient();
        var token = await client.SignInWithTokenAsync(TestPeople.Secretariat);

        token.TokenType.ShouldBe("Bearer");
        token.ExpiresIn.ShouldBeGreaterThan(0);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me", HttpClientExtensions.Json);
        me!.Email.ShouldBe(TestPeople.Secretariat);
        me.Roles.ShouldBe([Roles.Secretariat]);
        var secretariatId = await app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == "IOM").Select(o => o.Id).SingleAsync());
        me.OrganizationId.ShouldBe(secretariatId);
    }

    [Fact]
    public async Task Me_WithoutToken_Is401ProblemDetails()
    {
        using var client = app.CreateApiClient();
        var response = await client.GetAsync("/api/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json);
        problem!.Status.ShouldBe(401);
    }

    [Fact]
    public async Task Me_WithForgedToken_Is401()
    {
        using var client = app.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-not-a-token");
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_WrongPasswordFiveTimes_LocksTheAccountEvenForTheRightPassword()
    {
        var organizationId = await AnyOrganizationAsync();
        var person = await app.CreatePersonAsync(Roles.FocalPoint, organizationId);
        using var client = app.CreateApiClient();

        for (var attempt = 1; attempt <= 5; attempt++)
            (await client.LoginAsync(person.Email!, "not-the-password-at-all")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await client.LoginAsync(person.Email!, TestPeople.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Title!.ShouldContain("locked");
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull();
        (lockoutEnd.Value - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Login_FourWrongPasswordsThenTheRightOne_SignsIn()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, await AnyOrganizationAsync());
        using var client = app.CreateApiClient();
        for (var attempt = 1; attempt <= 4; attempt++)
            await client.LoginAsync(person.Email!, "not-the-password-at-all");

        (await client.LoginAsync(person.Email!, TestPeople.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_MissingFields_Is400WithErrorsByField()
    {
        using var client = app.CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "", password = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json);
        problem!.Errors!.Keys.ShouldBe(["email", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task Refresh_WithRefreshToken_IssuesNewAccessToken_AndRefusesGarbage()
    {
        using var client = app.CreateApiClient();
        var token = await client.SignInWithTokenAsync(TestPeople.Viewer);

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var next = await refreshed.Content.ReadFromJsonAsync<HttpClientExtensions.TokenResponse>(HttpClientExtensions.Json);
        using var fresh = app.CreateApiClient();
        fresh.DefaultRequestHeaders.Authorization = new("Bearer", next!.AccessToken);
        (await fresh.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var garbage = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "garbage" });
        garbage.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_DeactivatedAccount_IsRefused()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, await AnyOrganizationAsync());
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(person.Id.ToString());
            user!.IsActive = false;
            return await users.UpdateAsync(user);
        });

        using var client = app.CreateApiClient();
        (await client.LoginAsync(person.Email!, TestPeople.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignInPage_DemoSecretariat_SignsInWithCookieAndOpensHome()
    {
        using var client = app.CreateBrowserlikeClient();
        var signIn = await client.SignInWithCookieAsync(TestPeople.Secretariat);

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/");
        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("__Host-coordination.auth=") && c.Contains("secure") && c.Contains("httponly"));
        var home = await client.GetDocumentAsync("/");
        home.QuerySelector("h1")!.TextContent.ShouldContain("Regional secretariat officer");
    }

    [Fact]
    public async Task SignInPage_WrongPassword_ShowsTheErrorOnThePage()
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await client.SignInWithCookieAsync(TestPeople.FocalMex, "this-is-not-the-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("not correct");
    }

    [Fact]
    public async Task Home_WithoutSignIn_RedirectsToSignIn()
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldStartWith("/account/sign-in");
    }

    private Task<Guid> AnyOrganizationAsync() => app.WithDbAsync(db => db.Organizations.Select(o => o.Id).FirstAsync());

    private sealed record MeResponse(Guid Id, string Email, string DisplayName, string[] Roles, Guid? OrganizationId);
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class SignInTestsOnPostgreSql(PostgreSqlApp app) : SignInTests<PostgreSqlApp>(app);
