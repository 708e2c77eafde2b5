using System.Net;
using System.Net.Http.Json;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Organizations;

public abstract class OrganizationsApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task List_ForAnySignedInPerson_HasTheDemoForumsOrganizations()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Viewer);

        var page = await client.GetFromJsonAsync<PageOf<OrganizationResponse>>("/api/organizations?countryCode=DOM", HttpClientExtensions.Json);

        page!.Items.Select(o => o.Acronym).ShouldBe(["INM", "ONE"], ignoreOrder: true);
        page.Items.ShouldAllBe(o => o.Kind == "MemberStateInstitution" && o.CountryCode == "DOM");
        page.TotalCount.ShouldBe(2);
        page.PageSize.ShouldBe(50);
    }

    [Fact]
    public async Task List_PageSizeOverTheMaximum_Is400()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Viewer);

        var response = await client.GetAsync("/api/organizations?pageSize=500");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Errors!.Keys.ShouldContain("pageSize");
    }

    [Fact]
    public async Task Create_BySecretariat_Is201WithLocationAndAnAuditEntry()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/organizations",
            new { name = "National Statistics Institute of Chile", acronym = "INE-CL", kind = "MemberStateInstitution", countryCode = "chl" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<OrganizationResponse>(HttpClientExtensions.Json);
        created!.CountryCode.ShouldBe("CHL");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/organizations/{created.Id}");
        (await client.GetFromJsonAsync<OrganizationResponse>(response.Headers.Location, HttpClientExtensions.Json))!.Name
            .ShouldBe("National Statistics Institute of Chile");

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == created.Id));
        audit.Action.ShouldBe("CreateOrganization");
        audit.Change.ShouldBe("Created");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.After!.ShouldContain("INE-CL");
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task Create_ByAnyoneButTheSecretariat_Is403AndWritesNothing(string email)
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(email);
        var before = await app.WithDbAsync(db => db.Organizations.CountAsync());

        var response = await client.PostAsJsonAsync("/api/organizations",
            new { name = "Someone else's institute", acronym = "X", kind = "Academia" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await app.WithDbAsync(db => db.Organizations.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Create_WithInvalidInput_Is400WithEveryFieldsErrorAndWritesNothing()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var before = await app.WithDbAsync(db => db.Organizations.CountAsync());

        var response = await client.PostAsJsonAsync("/api/organizations",
            new { name = "", acronym = new string('A', 21), kind = "MemberStateInstitution", countryCode = "XXX" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json);
        problem!.Errors!.Keys.ShouldBe(["name", "acronym", "countryCode"], ignoreOrder: true);
        (await app.WithDbAsync(db => db.Organizations.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Create_WithUnknownKind_Is400()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/organizations", new { name = "X", acronym = "X", kind = "Embassy" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Update_WithCurrentVersion_ChangesIt_AndAStaleVersionIs409()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var created = await (await client.PostAsJsonAsync("/api/organizations",
            new { name = "Migration Observatory", acronym = "OBS", kind = "Academia" })).Content
            .ReadFromJsonAsync<OrganizationResponse>(HttpClientExtensions.Json);

        var updated = await client.PutAsJsonAsync($"/api/organizations/{created!.Id}",
            new { name = "Regional Migration Observatory", acronym = "OBS", kind = "Academia", version = created.Version });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await updated.Content.ReadFromJsonAsync<OrganizationResponse>(HttpClientExtensions.Json);
        after!.Version.ShouldNotBe(created.Version);

        var stale = await client.PutAsJsonAsync($"/api/organizations/{created.Id}",
            new { name = "Overwritten", acronym = "OBS", kind = "Academia", version = created.Version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<OrganizationResponse>($"/api/organizations/{created.Id}", HttpClientExtensions.Json))!.Name
            .ShouldBe("Regional Migration Observatory");

        var change = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == created.Id && a.Change == "Updated"));
        change.Before!.ShouldContain("Migration Observatory");
        change.After!.ShouldContain("Regional Migration Observatory");
    }

    [Fact]
    public async Task Get_UnknownId_Is404ProblemDetails()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Viewer);

        var response = await client.GetAsync($"/api/organizations/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private sealed record OrganizationResponse(Guid Id, string Name, string Acronym, string Kind, string? CountryCode, string Version);

    private sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int TotalCount);
}

public sealed class OrganizationsApiTestsOnSqlite(SqliteApp app) : OrganizationsApiTests<SqliteApp>(app);

public sealed class OrganizationsApiTestsOnPostgreSql(PostgreSqlApp app) : OrganizationsApiTests<PostgreSqlApp>(app);
