using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Progress;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Forums;

/// <summary>The secretariat makes a forum confidential when recording or editing it; nobody else can, and each change is audited.</summary>
public abstract class ForumConfidentialityApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task Confidential_SetOnCreateAndChangedOnEdit_IsReadBackAndAudited()
    {
        using var secretariat = await app.ApiClientAsync(TestPeople.Secretariat);
        var title = $"Follow-up meeting {Guid.NewGuid():N}";

        var created = await secretariat.PostAsJsonAsync("/api/forums",
            new { title, place = "Guatemala City", startDate = "2026-04-01", endDate = "2026-04-02", confidential = true });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var forum = (await created.Content.ReadFromJsonAsync<JsonNode>())!;
        forum["confidential"]!.GetValue<bool>().ShouldBeTrue();
        var id = forum["id"]!.GetValue<Guid>();
        (await secretariat.GetFromJsonAsync<JsonNode>($"/api/forums/{id}"))!["confidential"]!.GetValue<bool>().ShouldBeTrue();
        (await AuditAsync(id, "CreateForum")).Single().After!.ShouldContain("\"confidential\":true");

        // Left out of an edit, it stays; sent, it changes, and the audit entry says from what to what.
        var kept = await secretariat.PutAsJsonAsync($"/api/forums/{id}", Change(forum, title + " (renamed)"));
        kept.StatusCode.ShouldBe(HttpStatusCode.OK, await kept.Content.ReadAsStringAsync());
        forum = (await kept.Content.ReadFromJsonAsync<JsonNode>())!;
        forum["confidential"]!.GetValue<bool>().ShouldBeTrue();

        var opened = await secretariat.PutAsJsonAsync($"/api/forums/{id}", Change(forum, title, confidential: false));
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        (await opened.Content.ReadFromJsonAsync<JsonNode>())!["confidential"]!.GetValue<bool>().ShouldBeFalse();
        (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == id))).Confidential.ShouldBeFalse();
        var updates = await AuditAsync(id, "UpdateForum");
        updates.Count.ShouldBe(2);
        var change = updates.Single(a => a.After!.Contains("confidential"));
        change.UserEmail.ShouldBe(TestPeople.Secretariat);
        change.Before!.ShouldContain("\"confidential\":true");
        change.After!.ShouldContain("\"confidential\":false");
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task Confidential_SetByAFocalPointOrAViewer_Is403AndWritesNothing(string email)
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await app.ApiClientAsync(TestPeople.Secretariat);
        var forum = (await secretariat.GetFromJsonAsync<JsonNode>($"/api/forums/{plan.ForumId}"))!;
        var auditsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == plan.ForumId));
        var title = $"Refused {Guid.NewGuid():N}";
        using var client = await app.ApiClientAsync(email);

        var edit = await client.PutAsJsonAsync($"/api/forums/{plan.ForumId}", Change(forum, forum["title"]!.GetValue<string>(), confidential: true));
        var create = await client.PostAsJsonAsync("/api/forums",
            new { title, place = "Panama", startDate = "2026-04-01", endDate = "2026-04-01", confidential = true });

        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await edit.Content.ReadAsStringAsync());
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await create.Content.ReadAsStringAsync());
        var stored = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId));
        stored.Confidential.ShouldBeFalse();
        stored.Version.ToString().ShouldBe(forum["version"]!.GetValue<string>());
        (await app.WithDbAsync(db => db.Forums.AnyAsync(f => f.Title == title))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == plan.ForumId))).ShouldBe(auditsBefore);
    }

    private Task<List<Domain.Auditing.AuditEntry>> AuditAsync(Guid forumId, string action) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == forumId && a.Action == action).ToListAsync());

    private static object Change(JsonNode forum, string title, bool? confidential = null) => new
    {
        title,
        place = forum["place"]!.GetValue<string>(),
        startDate = forum["startDate"]!.GetValue<string>(),
        endDate = forum["endDate"]!.GetValue<string>(),
        version = forum["version"]!.GetValue<string>(),
        confidential,
    };
}

public sealed class ForumConfidentialityApiTestsOnSqlite(SqliteApp app) : ForumConfidentialityApiTests<SqliteApp>(app);

public sealed class ForumConfidentialityApiTestsOnPostgreSql(PostgreSqlApp app) : ForumConfidentialityApiTests<PostgreSqlApp>(app);
