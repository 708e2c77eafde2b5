using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Coordination.Application.Common.Security;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Authorization;

/// <summary>
/// Every route of the API × every kind of caller: the status each one gets, and that a refused request writes
/// nothing (no audit entry appears, so no entity changed).
/// </summary>
public abstract class AccessMatrixTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private static readonly ConcurrentDictionary<(CoordinationApp, Caller), string> Tokens = new();

    public static TheoryData<string, Caller> Cases()
    {
        var cases = new TheoryData<string, Caller>();
        foreach (var route in AccessMatrix.Routes)
        {
            foreach (var caller in Enum.GetValues<Caller>())
                cases.Add(route.Route, caller);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_ForCaller_AnswersAsTheMatrixSays(string route, Caller caller)
    {
        var access = AccessMatrix.Routes.Single(r => r.Route == route);
        var arranged = await AccessMatrix.ArrangeAsync(app);
        using var client = app.CreateApiClient();
        if (caller != Caller.Anonymous)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(caller));
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        using var request = access.Request(arranged);
        var response = await client.SendAsync(request);

        var expected = access.Expected[caller];
        ((int)response.StatusCode).ShouldBe(expected, $"{route} as {caller}: {await response.Content.ReadAsStringAsync()}");
        if (expected >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            (await app.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(auditBefore, $"{route} as {caller} was refused but wrote something");
        }
    }

    [Fact]
    public void Matrix_CoversEveryApiRoute()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .Where(r => !r.Contains("/api/docs", StringComparison.Ordinal))
            .ToHashSet();

        var covered = AccessMatrix.Routes.Select(r => r.Route).Concat(AccessMatrix.Public).ToHashSet();
        routes.Except(covered).ShouldBeEmpty("routes missing from the access matrix");
        covered.Except(routes).ShouldBeEmpty("matrix rows for routes that do not exist");
    }

    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.TrimEnd('/'), @"\{(\w+)(:[^}]*)?\}", "{$1}");

    private async Task<string> TokenAsync(Caller caller)
    {
        if (Tokens.TryGetValue((app, caller), out var cached))
            return cached;

        var email = caller switch
        {
            Caller.Viewer => TestPeople.Viewer,
            Caller.AssignedFocalPoint => TestPeople.FocalDom,
            Caller.OtherFocalPoint => TestPeople.FocalMex,
            Caller.Secretariat => TestPeople.Secretariat,
            _ => (await app.CreatePersonAsync(Roles.FocalPoint, await app.OrganizationIdAsync("NSO-GTM"))).Email!,
        };
        var password = caller == Caller.OutsideFocalPoint ? TestPeople.Password : TestPeople.DemoPassword;
        using var client = app.CreateApiClient();
        var token = (await client.SignInWithTokenAsync(email, password)).AccessToken;
        return Tokens[(app, caller)] = token;
    }
}

public sealed class AccessMatrixTestsOnSqlite(SqliteApp app) : AccessMatrixTests<SqliteApp>(app);

public sealed class AccessMatrixTestsOnPostgreSql(PostgreSqlApp app) : AccessMatrixTests<PostgreSqlApp>(app);
