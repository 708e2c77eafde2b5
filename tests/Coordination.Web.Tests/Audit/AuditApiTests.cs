using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Audit;

public abstract class AuditApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task List_ForAnEntity_BySecretariat_ShowsItsChangesNewestFirstWithBeforeAndAfter()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var organization = await CreateAndRenameOrganizationAsync(client);

        var page = await client.GetFromJsonAsync<PageOf<AuditEntryResponse>>(
            $"/api/audit?entityType=Organization&entityId={organization}", HttpClientExtensions.Json);

        page!.TotalCount.ShouldBe(2);
        page.Items.Select(e => e.Change).ShouldBe(["Updated", "Created"]);
        page.Items.ShouldAllBe(e => e.EntityId == organization && e.EntityType == "Organization" && e.UserEmail == TestPeople.Secretariat);
        page.Items[0].OccurredAt.ShouldBeGreaterThanOrEqualTo(page.Items[1].OccurredAt);

        var updated = page.Items[0];
        updated.Action.ShouldBe("UpdateOrganization");
        updated.UserId.ShouldNotBeNull();
        updated.Before!.Value.ValueKind.ShouldBe(JsonValueKind.Object);
        updated.Before.Value.GetProperty("name").GetString().ShouldBe("Audit Observatory");
        updated.After!.Value.GetProperty("name").GetString().ShouldBe("Regional Audit Observatory");

        var created = page.Items[1];
        created.Action.ShouldBe("CreateOrganization");
        created.Before.ShouldBeNull();
        created.After!.Value.GetProperty("acronym").GetString().ShouldBe("AUD");
        created.After.Value.GetProperty("kind").GetString().ShouldBe("Academia");
    }

    [Fact]
    public async Task List_WithPaging_ReturnsOnePageOfTheEntitysEntries()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var organization = await CreateAndRenameOrganizationAsync(client);

        var second = await client.GetFromJsonAsync<PageOf<AuditEntryResponse>>(
            $"/api/audit?entityId={organization}&page=2&pageSize=1", HttpClientExtensions.Json);

        second!.TotalCount.ShouldBe(2);
        second.Page.ShouldBe(2);
        second.PageSize.ShouldBe(1);
        second.Items.Single().Change.ShouldBe("Created");
    }

    [Fact]
    public async Task List_ByEntityTypeOnly_ListsOnlyThatType()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        await CreateAndRenameOrganizationAsync(client);

        var page = await client.GetFromJsonAsync<PageOf<AuditEntryResponse>>("/api/audit?entityType=Organization&pageSize=20", HttpClientExtensions.Json);

        page!.Items.ShouldNotBeEmpty();
        page.Items.ShouldAllBe(e => e.EntityType == "Organization");
        page.Items.Select(e => e.OccurredAt).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task List_WithPageSizeOverTheMaximum_Is400()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);

        var response = await client.GetAsync("/api/audit?pageSize=500");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Errors!.Keys.ShouldContain("pageSize");
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task List_ByAnyoneButTheSecretariat_Is403(string person)
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(person);

        var response = await client.GetAsync("/api/audit");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task List_WithoutSignIn_Is401()
    {
        using var client = app.CreateApiClient();

        (await client.GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<Guid> CreateAndRenameOrganizationAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/organizations", new { name = "Audit Observatory", acronym = "AUD", kind = "Academia" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var organization = (await created.Content.ReadFromJsonAsync<OrganizationResponse>(HttpClientExtensions.Json))!;
        var renamed = await client.PutAsJsonAsync($"/api/organizations/{organization.Id}",
            new { name = "Regional Audit Observatory", acronym = "AUD", kind = "Academia", version = organization.Version });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        return organization.Id;
    }

    private sealed record OrganizationResponse(Guid Id, string Version);

    private sealed record AuditEntryResponse(
        Guid Id, DateTime OccurredAt, Guid? UserId, string? UserEmail, string Action, string EntityType, Guid EntityId,
        string Change, JsonElement? Before, JsonElement? After);

    private sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int TotalCount);
}

public sealed class AuditApiTestsOnSqlite(SqliteApp app) : AuditApiTests<SqliteApp>(app);

public sealed class AuditApiTestsOnPostgreSql(PostgreSqlApp app) : AuditApiTests<PostgreSqlApp>(app);
