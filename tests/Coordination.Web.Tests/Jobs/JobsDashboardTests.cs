using System.Net;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Jobs;

public abstract class JobsDashboardTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Theory]
    [InlineData(TestPeople.Viewer, "Not allowed")]
    [InlineData(TestPeople.FocalDom, "Acceso no permitido")] // prefers Spanish
    public async Task Dashboard_ForAnyoneButTheSecretariat_Is403(string email, string title)
    {
        using var client = app.CreateBrowserlikeClient();
        (await client.SignInWithCookieAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe(title);
    }

    [Fact]
    public async Task Dashboard_ForTheSecretariat_Opens()
    {
        using var client = app.CreateBrowserlikeClient();
        await client.SignInWithCookieAsync(TestPeople.Secretariat);

        var response = await client.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Coordination jobs");
    }

    [Fact]
    public async Task Dashboard_WithoutSignIn_GoesToSignIn()
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await client.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldStartWith("/account/sign-in");
    }

    [Fact]
    public async Task Dashboard_WithSecretariatBearerToken_IsNotOpened()
    {
        // The dashboard is a page for people: it answers to the sign-in cookie only, never to an API token.
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);

        (await client.GetAsync("/jobs")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}

public sealed class JobsDashboardTestsOnSqlite(SqliteApp app) : JobsDashboardTests<SqliteApp>(app);

public sealed class JobsDashboardTestsOnPostgreSql(PostgreSqlApp app) : JobsDashboardTests<PostgreSqlApp>(app);
