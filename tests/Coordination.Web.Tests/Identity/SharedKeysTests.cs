using System.Net;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Identity;

/// <summary>Two instances behind the proxy share one PostgreSQL database, and so their data-protection keys.</summary>
public sealed class SharedKeysTests(PostgreSqlApp first) : IClassFixture<PostgreSqlApp>
{
    [Fact]
    public async Task Token_IssuedByOneInstance_IsAcceptedByAnother()
    {
        using var client = first.CreateApiClient();
        var token = await client.SignInWithTokenAsync(TestPeople.FocalMex);

        await using var second = new CoordinationApp(DatabaseKind.PostgreSql, demoData: true, new Dictionary<string, string>
        {
            ["ConnectionStrings:Coordination"] = first.Database.ConnectionString!,
        });
        await second.InitializeAsync();
        using var other = second.CreateApiClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);

        (await other.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cookie_IssuedByOneInstance_IsAcceptedByAnother()
    {
        using var browser = first.CreateBrowserlikeClient();
        var signIn = await browser.SignInWithCookieAsync(TestPeople.Viewer);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-coordination.auth=")).Split(';')[0];

        await using var second = new CoordinationApp(DatabaseKind.PostgreSql, demoData: true, new Dictionary<string, string>
        {
            ["ConnectionStrings:Coordination"] = first.Database.ConnectionString!,
        });
        await second.InitializeAsync();
        using var other = second.CreateBrowserlikeClient();
        other.DefaultRequestHeaders.Add("Cookie", cookie);

        (await other.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
