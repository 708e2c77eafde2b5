using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Progress;

/// <summary>
/// In a confidential forum, focal points of other organizations and viewers read another organization's assignment only
/// as the secretariat accepted it, through every route that shows assignments or updates; the organization itself and
/// the secretariat see everything; a forum that is not confidential shows everyone everything, as before.
/// </summary>
public abstract class ConfidentialProgressApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Theory]
    [InlineData(TestPeople.FocalMex)]
    [InlineData(TestPeople.Viewer)]
    public async Task Routes_InAConfidentialForum_ShowAnotherOrganizationOnlyTheAcceptedState(string email)
    {
        var x = await app.ArrangeAsync(confidential: true);
        using var secretariat = await app.ApiClientAsync(TestPeople.Secretariat);
        var acceptedAt = (await GetAsync(secretariat, $"/api/progress-updates/{x.AcceptedId}"))["submittedAt"]!.GetValue<DateTime>();
        using var reader = await app.ApiClientAsync(email);

        // GET the assignment: its official state, nothing awaiting or returned, the last accepted update's time.
        var assignmentJson = await reader.GetStringAsync($"/api/assignments/{x.InmAssignmentId}");
        ShouldBeOfficialOnly(JsonNode.Parse(assignmentJson)!, percent: 30, acceptedAt);

        // Its history: the accepted update alone, and nothing of the returned one anywhere in the answer.
        var historyJson = await reader.GetStringAsync($"/api/assignments/{x.InmAssignmentId}/progress-updates");
        var history = JsonNode.Parse(historyJson)!;
        history["items"]!.AsArray().Select(u => u!["id"]!.GetValue<Guid>()).ShouldBe([x.AcceptedId]);
        history["totalCount"]!.GetValue<int>().ShouldBe(1);
        history["items"]![0]!["narrative"]!.GetValue<string>().ShouldBe(x.AcceptedNarrative);
        ShouldNotContainDrafts(historyJson, x);

        // One update: the accepted one reads, the returned one does not exist for this reader.
        (await reader.GetAsync($"/api/progress-updates/{x.AcceptedId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var returned = await reader.GetAsync($"/api/progress-updates/{x.ReturnedId}");
        returned.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refusal = await returned.Content.ReadAsStringAsync();
        refusal.ShouldNotContain(x.ReturnedNarrative);
        refusal.ShouldNotContain(x.ReturnComment);

        // The assignment lists (asking for INM's, and the whole action point's) and the action point's assignments.
        var inm = x.Plan.OrganizationIds["INM"];
        var listJson = await reader.GetStringAsync($"/api/assignments?actionPointId={x.Plan.ActionPointId}&organizationId={inm}");
        ShouldBeOfficialOnly(JsonNode.Parse(listJson)!["items"]!.AsArray().Single()!, percent: 30, acceptedAt);
        var actionPointJson = await reader.GetStringAsync($"/api/action-points/{x.Plan.ActionPointId}");
        var rows = JsonNode.Parse(actionPointJson)!["assignments"]!.AsArray();
        ShouldBeOfficialOnly(rows.Single(r => r!["id"]!.GetValue<Guid>() == x.InmAssignmentId)!, percent: 30, acceptedAt);
        ShouldNotContainDrafts(listJson + actionPointJson, x);

        // MIG-MEX's update awaiting validation: its own focal point sees it, a viewer does not.
        var mexAssignment = await GetAsync(reader, $"/api/assignments/{x.MexAssignmentId}");
        var mexPending = await reader.GetAsync($"/api/progress-updates/{x.MexPendingId}");
        var mexHistory = await GetAsync(reader, $"/api/assignments/{x.MexAssignmentId}/progress-updates");
        if (email == TestPeople.FocalMex)
        {
            mexAssignment["awaitingValidation"]!.GetValue<bool>().ShouldBeTrue();
            mexAssignment["pendingUpdateId"]!.GetValue<Guid>().ShouldBe(x.MexPendingId);
            mexPending.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await mexPending.Content.ReadAsStringAsync()).ShouldContain(x.MexPendingNarrative);
            mexHistory["totalCount"]!.GetValue<int>().ShouldBe(1);
        }
        else
        {
            ShouldBeOfficialOnly(mexAssignment, percent: 0, lastUpdateAt: null);
            mexPending.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            mexHistory["totalCount"]!.GetValue<int>().ShouldBe(0);
        }

        // The audit log, which holds the updates' contents, is the secretariat's alone.
        (await reader.GetAsync($"/api/audit?entityId={x.ReturnedId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Secretariat)]
    public async Task Routes_InAConfidentialForum_ShowTheAssignedOrganizationAndTheSecretariatEverything(string email)
    {
        var x = await app.ArrangeAsync(confidential: true);
        using var reader = await app.ApiClientAsync(email);

        var assignment = await GetAsync(reader, $"/api/assignments/{x.InmAssignmentId}");
        assignment["returnedUpdateId"]!.GetValue<Guid>().ShouldBe(x.ReturnedId);
        var historyJson = await reader.GetStringAsync($"/api/assignments/{x.InmAssignmentId}/progress-updates");
        JsonNode.Parse(historyJson)!["items"]!.AsArray().Select(u => u!["id"]!.GetValue<Guid>()).ShouldBe([x.ReturnedId, x.AcceptedId]);
        historyJson.ShouldContain(x.ReturnComment);
        historyJson.ShouldContain(x.ReturnedObstacles);
        (await GetAsync(reader, $"/api/progress-updates/{x.ReturnedId}"))["reviewComment"]!.GetValue<string>().ShouldBe(x.ReturnComment);
        var listed = await GetAsync(reader, $"/api/assignments?actionPointId={x.Plan.ActionPointId}&organizationId={x.Plan.OrganizationIds["INM"]}");
        listed["items"]![0]!["returnedUpdateId"]!.GetValue<Guid>().ShouldBe(x.ReturnedId);

        // MIG-MEX's update awaiting validation is the secretariat's to see, not the Dominican focal point's.
        var mexAssignment = await GetAsync(reader, $"/api/assignments/{x.MexAssignmentId}");
        var mexPending = await reader.GetAsync($"/api/progress-updates/{x.MexPendingId}");
        if (email == TestPeople.Secretariat)
        {
            mexAssignment["pendingUpdateId"]!.GetValue<Guid>().ShouldBe(x.MexPendingId);
            mexPending.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            ShouldBeOfficialOnly(mexAssignment, percent: 0, lastUpdateAt: null);
            mexPending.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData(TestPeople.FocalMex)]
    [InlineData(TestPeople.Viewer)]
    public async Task Routes_InAForumThatIsNotConfidential_ShowEveryReaderEverythingAsBefore(string email)
    {
        var x = await app.ArrangeAsync(confidential: false);
        using var reader = await app.ApiClientAsync(email);

        var assignment = await GetAsync(reader, $"/api/assignments/{x.InmAssignmentId}");
        assignment["returnedUpdateId"]!.GetValue<Guid>().ShouldBe(x.ReturnedId);
        var historyJson = await reader.GetStringAsync($"/api/assignments/{x.InmAssignmentId}/progress-updates");
        JsonNode.Parse(historyJson)!["items"]!.AsArray().Count.ShouldBe(2);
        historyJson.ShouldContain(x.ReturnComment);
        (await reader.GetAsync($"/api/progress-updates/{x.ReturnedId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mexAssignment = await GetAsync(reader, $"/api/assignments/{x.MexAssignmentId}");
        mexAssignment["awaitingValidation"]!.GetValue<bool>().ShouldBeTrue();
        (await reader.GetAsync($"/api/progress-updates/{x.MexPendingId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var actionPoint = await GetAsync(reader, $"/api/action-points/{x.Plan.ActionPointId}");
        actionPoint["assignments"]!.AsArray().Single(r => r!["id"]!.GetValue<Guid>() == x.InmAssignmentId)!["returnedUpdateId"]!
            .GetValue<Guid>().ShouldBe(x.ReturnedId);
    }

    [Fact]
    public async Task Revision_InAConfidentialForum_ReachesOtherOrganizationsOnlyOnceAcceptedAndWithoutItsReturnedOrigin()
    {
        var x = await app.ArrangeAsync(confidential: true);
        using var dominican = await app.ApiClientAsync(TestPeople.FocalDom);
        using var mexican = await app.ApiClientAsync(TestPeople.FocalMex);
        using var secretariat = await app.ApiClientAsync(TestPeople.Secretariat);
        var acceptedAt = (await GetAsync(secretariat, $"/api/progress-updates/{x.AcceptedId}"))["submittedAt"]!.GetValue<DateTime>();

        var revised = await dominican.PostAsJsonAsync($"/api/assignments/{x.InmAssignmentId}/progress-updates", new
        {
            status = "InProgress", percentComplete = 70, narrative = "The glossary, revised as asked.", revisionOfId = x.ReturnedId,
        });
        revised.StatusCode.ShouldBe(HttpStatusCode.Created, await revised.Content.ReadAsStringAsync());
        var revisionId = (await revised.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<Guid>();

        // Awaiting validation: Mexico still sees the accepted state only.
        ShouldBeOfficialOnly(await GetAsync(mexican, $"/api/assignments/{x.InmAssignmentId}"), percent: 30, acceptedAt);
        (await mexican.GetAsync($"/api/progress-updates/{revisionId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await secretariat.PostAsync($"/api/progress-updates/{revisionId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Accepted: it is official for everyone, but only the organization learns which returned update it revised.
        var official = await GetAsync(mexican, $"/api/assignments/{x.InmAssignmentId}");
        official["percentComplete"]!.GetValue<int>().ShouldBe(70);
        var revisionForMexico = await GetAsync(mexican, $"/api/progress-updates/{revisionId}");
        official["lastUpdateAt"]!.GetValue<DateTime>().ShouldBe(revisionForMexico["submittedAt"]!.GetValue<DateTime>());
        revisionForMexico["revisionOfId"].ShouldBeNull();
        var history = await GetAsync(mexican, $"/api/assignments/{x.InmAssignmentId}/progress-updates");
        history["items"]!.AsArray().Select(u => u!["id"]!.GetValue<Guid>()).ShouldBe([revisionId, x.AcceptedId]);
        history["items"]![0]!["revisionOfId"].ShouldBeNull();
        (await GetAsync(dominican, $"/api/progress-updates/{revisionId}"))["revisionOfId"]!.GetValue<Guid>().ShouldBe(x.ReturnedId);
    }

    private static void ShouldBeOfficialOnly(JsonNode assignment, int percent, DateTime? lastUpdateAt)
    {
        assignment["percentComplete"]!.GetValue<int>().ShouldBe(percent);
        assignment["awaitingValidation"]!.GetValue<bool>().ShouldBeFalse();
        assignment["pendingUpdateId"].ShouldBeNull();
        assignment["returnedUpdateId"].ShouldBeNull();
        DateTime? last = assignment["lastUpdateAt"]?.GetValue<DateTime>();
        last.ShouldBe(lastUpdateAt);
    }

    private static void ShouldNotContainDrafts(string body, ConfidentialityArrange.Arranged x)
    {
        body.ShouldNotContain(x.ReturnedNarrative);
        body.ShouldNotContain(x.ReturnedObstacles);
        body.ShouldNotContain(x.ReturnComment);
        body.ShouldNotContain(x.ReturnedId.ToString());
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}

public sealed class ConfidentialProgressApiTestsOnSqlite(SqliteApp app) : ConfidentialProgressApiTests<SqliteApp>(app);

public sealed class ConfidentialProgressApiTestsOnPostgreSql(PostgreSqlApp app) : ConfidentialProgressApiTests<PostgreSqlApp>(app);
