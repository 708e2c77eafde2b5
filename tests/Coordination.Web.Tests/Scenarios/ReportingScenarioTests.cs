using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Scenarios;

/// <summary>
/// The reporting loop tried as new users would, through the API only, on the demo forum: the Dominican Republic's
/// focal point reports, the secretariat returns the report with a comment, the focal point revises it, the
/// secretariat accepts it, and the assignment's official status and percent follow.
/// </summary>
public abstract class ReportingScenarioTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task FocalPointReports_SecretariatReturnsThenAccepts_AssignmentFollows()
    {
        using var focal = app.CreateApiClient();
        await focal.SignInWithTokenAsync(TestPeople.FocalDom);
        using var secretariat = app.CreateApiClient();
        await secretariat.SignInWithTokenAsync(TestPeople.Secretariat);

        // 1. The focal point lists their organization's assignments and picks the open dataset (RF22-10).
        var mine = await focal.GetFromJsonAsync<JsonElement>("/api/assignments?pageSize=200", HttpClientExtensions.Json);
        var items = mine.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        var inm = items[0].GetProperty("organizationId").GetGuid();
        items.ShouldAllBe(a => a.GetProperty("organizationId").GetGuid() == inm);
        var assignment = items.Single(a => a.GetProperty("actionPointCode").GetString() == "RF22-10");
        var assignmentId = assignment.GetProperty("id").GetGuid();
        var officialPercent = assignment.GetProperty("percentComplete").GetInt32();

        // 2. They report progress; it awaits validation and the official figures stay as they were.
        var reported = await focal.PostAsJsonAsync($"/api/assignments/{assignmentId}/progress-updates", new
        {
            status = "InProgress",
            percentComplete = 70,
            narrative = "The first open dataset of entries and exits was prepared with ONE.",
            obstacles = "Anonymisation rules are still being agreed.",
        });
        reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync());
        var firstUpdate = await reported.Content.ReadFromJsonAsync<JsonElement>(HttpClientExtensions.Json);
        firstUpdate.GetProperty("state").GetString().ShouldBe("Submitted");
        var awaiting = await focal.GetFromJsonAsync<JsonElement>($"/api/assignments/{assignmentId}", HttpClientExtensions.Json);
        awaiting.GetProperty("awaitingValidation").GetBoolean().ShouldBeTrue();
        awaiting.GetProperty("percentComplete").GetInt32().ShouldBe(officialPercent);

        // 3. The secretariat returns it with a comment.
        var returned = await secretariat.PostAsJsonAsync(
            $"/api/progress-updates/{firstUpdate.GetProperty("id").GetGuid()}/return", new { comment = "Please attach the dataset's link." });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());

        // 4. The focal point sees the comment in the history and revises the update.
        var history = await focal.GetFromJsonAsync<JsonElement>($"/api/assignments/{assignmentId}/progress-updates", HttpClientExtensions.Json);
        var latest = history.GetProperty("items")[0];
        latest.GetProperty("state").GetString().ShouldBe("Returned");
        latest.GetProperty("reviewComment").GetString().ShouldBe("Please attach the dataset's link.");
        var revised = await focal.PostAsJsonAsync($"/api/assignments/{assignmentId}/progress-updates", new
        {
            status = "InProgress",
            percentComplete = 70,
            narrative = "The first open dataset of entries and exits was prepared with ONE.",
            evidenceLinks = new[] { "https://example.org/inm/open-dataset" },
            revisionOfId = firstUpdate.GetProperty("id").GetGuid(),
        });
        revised.StatusCode.ShouldBe(HttpStatusCode.Created, await revised.Content.ReadAsStringAsync());
        var revision = await revised.Content.ReadFromJsonAsync<JsonElement>(HttpClientExtensions.Json);

        // 5. The secretariat accepts; the official status and percent follow.
        var accepted = await secretariat.PostAsync($"/api/progress-updates/{revision.GetProperty("id").GetGuid()}/accept", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var after = await focal.GetFromJsonAsync<JsonElement>($"/api/assignments/{assignmentId}", HttpClientExtensions.Json);
        after.GetProperty("status").GetString().ShouldBe("InProgress");
        after.GetProperty("percentComplete").GetInt32().ShouldBe(70);
        after.GetProperty("awaitingValidation").GetBoolean().ShouldBeFalse();
        after.GetProperty("lastUpdateAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));

        var states = (await focal.GetFromJsonAsync<JsonElement>($"/api/assignments/{assignmentId}/progress-updates", HttpClientExtensions.Json))
            .GetProperty("items").EnumerateArray().Take(2).Select(u => u.GetProperty("state").GetString()).ToList();
        states.ShouldBe(["Accepted", "Returned"]);
    }

    [Fact]
    public async Task DemoFocalPoint_HasAnOverdueAssignment_AndTheReturnedDemoUpdateIsRevised()
    {
        using var focal = app.CreateApiClient();
        await focal.SignInWithTokenAsync(TestPeople.FocalDom);

        var overdue = await focal.GetFromJsonAsync<JsonElement>("/api/assignments?overdue=true", HttpClientExtensions.Json);
        overdue.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("actionPointCode").GetString()).ShouldContain("RF22-04");

        using var secretariat = app.CreateApiClient();
        await secretariat.SignInWithTokenAsync(TestPeople.Secretariat);
        var queue = await secretariat.GetFromJsonAsync<JsonElement>("/api/progress-updates?state=Submitted", HttpClientExtensions.Json);
        queue.GetProperty("items").EnumerateArray().ShouldContain(u => u.GetProperty("revisionOfId").ValueKind == JsonValueKind.String);
    }
}

public sealed class ReportingScenarioTestsOnSqlite(SqliteApp app) : ReportingScenarioTests<SqliteApp>(app);

public sealed class ReportingScenarioTestsOnPostgreSql(PostgreSqlApp app) : ReportingScenarioTests<PostgreSqlApp>(app);
