using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using ICalendar = Ical.Net.Calendar;

namespace Coordination.Web.Tests.Calendar;

/// <summary>The organization's iCalendar feed, read by a calendar application that cannot sign in.</summary>
public abstract class CalendarFeedTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string SantoDomingo = "America/Santo_Domingo";

    [Fact]
    public async Task Feed_WithTheToken_HoldsTheOrganizationsDeadlinesAndItsForumsReviewCycles()
    {
        var arranged = await ArrangeAsync();

        var response = await app.CreateApiClient().GetAsync(await FeedPathAsync(arranged.OrganizationId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        var calendar = ICalendar.Load(await response.Content.ReadAsStringAsync())!;
        calendar.Events.Select(e => e.Uid).ShouldBe(
            [
                $"assignment-{arranged.AssignmentId:N}@coordination",
                $"review-cycle-{arranged.CycleId:N}-deadline@coordination",
                $"review-cycle-{arranged.CycleId:N}-meeting@coordination",
            ],
            ignoreOrder: true);

        var due = Event(calendar, $"assignment-{arranged.AssignmentId:N}@coordination");
        due.Summary.ShouldBe($"{arranged.Code} due: Draft a regional glossary");
        due.IsAllDay.ShouldBeTrue();
        due.DtStart!.HasTime.ShouldBeFalse();
        due.DtStart.Date.ShouldBe(arranged.DueDate);
        due.Url!.ToString().ShouldBe($"https://localhost/assignments/{arranged.AssignmentId}");
        due.Description!.ShouldContain($"https://localhost/assignments/{arranged.AssignmentId}");

        // The deadline ends with the forum's day: 23:59 in Santo Domingo (UTC-4 all year) is 03:59 UTC the next day.
        var deadline = Event(calendar, $"review-cycle-{arranged.CycleId:N}-deadline@coordination");
        deadline.Summary.ShouldBe("Q3 review: progress reports due");
        deadline.IsAllDay.ShouldBeFalse();
        deadline.DtStart!.TzId.ShouldBe(SantoDomingo);
        deadline.DtStart.AsUtc.ShouldBe(new DateTime(2026, 10, 1, 3, 59, 0, DateTimeKind.Utc));
        calendar.TimeZones.Select(z => z.TzId).ShouldBe([SantoDomingo]);

        var meeting = Event(calendar, $"review-cycle-{arranged.CycleId:N}-meeting@coordination");
        meeting.Summary.ShouldBe("Q3 review: review meeting");
        meeting.IsAllDay.ShouldBeTrue();
        meeting.DtStart!.Date.ShouldBe(new DateOnly(2026, 10, 15));
    }

    [Fact]
    public async Task Feed_AfterTheDueDateMoves_KeepsTheSameUidsSoCalendarsUpdateRatherThanDuplicate()
    {
        var arranged = await ArrangeAsync();
        var path = await FeedPathAsync(arranged.OrganizationId);
        using var client = app.CreateApiClient();
        var before = ICalendar.Load(await client.GetStringAsync(path))!;

        var moved = arranged.DueDate.AddMonths(1);
        await app.WithDbAsync(async db =>
        {
            var assignment = (await db.Assignments.FindAsync(arranged.AssignmentId))!;
            var actionPoint = (await db.ActionPoints.FindAsync(assignment.ActionPointId))!;
            assignment.Change(actionPoint, assignment.Role, moved);
            await db.SaveChangesAsync();
        });
        var after = ICalendar.Load(await client.GetStringAsync(path))!;

        after.Events.Select(e => e.Uid).ShouldBe(before.Events.Select(e => e.Uid), ignoreOrder: true);
        Event(after, $"assignment-{arranged.AssignmentId:N}@coordination").DtStart!.Date.ShouldBe(moved);
    }

    [Fact]
    public async Task Feed_WithAWrongOrMissingTokenOrAnUnknownOrganization_Is404WithoutAHint()
    {
        var arranged = await ArrangeAsync();
        var token = await TokenAsync(arranged.OrganizationId);
        using var client = app.CreateApiClient();

        var answers = new List<HttpResponseMessage>
        {
            await client.GetAsync($"/calendar/{arranged.OrganizationId}.ics?token={new string('0', token.Length)}"),
            await client.GetAsync($"/calendar/{arranged.OrganizationId}.ics?token={token[..^1]}"),
            await client.GetAsync($"/calendar/{arranged.OrganizationId}.ics"),
            await client.GetAsync($"/calendar/{arranged.OrganizationId}.ics?token="),
            await client.GetAsync($"/calendar/{Guid.NewGuid()}.ics?token={token}"),
            await client.GetAsync($"/calendar/{await app.OrganizationIdAsync("MIG-MEX")}.ics?token={token}"),
        };

        foreach (var answer in answers)
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            answer.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
            (await answer.Content.ReadAsStringAsync()).ShouldBe("Not found.");
        }
    }

    [Fact]
    public async Task Feed_OfADeactivatedOrganization_Is404()
    {
        var arranged = await ArrangeAsync();
        var path = await FeedPathAsync(arranged.OrganizationId);
        await app.WithDbAsync(async db =>
        {
            (await db.Organizations.FindAsync(arranged.OrganizationId))!.Deactivate();
            await db.SaveChangesAsync();
        });

        (await app.CreateApiClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Link_ForTheOrganizationsFocalPoint_IsTheFeedAddressWithItsToken()
    {
        var arranged = await ArrangeAsync();
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(arranged.FocalPointEmail, TestPeople.Password);

        var link = await client.GetFromJsonAsync<LinkResponse>($"/api/organizations/{arranged.OrganizationId}/calendar", HttpClientExtensions.Json);

        link!.Url.ShouldBe($"https://localhost/calendar/{arranged.OrganizationId}.ics?token={await TokenAsync(arranged.OrganizationId)}");
        (await client.GetAsync(link.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Link_ForAnotherOrganizationsFocalPointOrAViewer_Is403AndForNobody401()
    {
        var arranged = await ArrangeAsync();
        var path = $"/api/organizations/{arranged.OrganizationId}/calendar";

        (await app.CreateApiClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var person in new[] { TestPeople.FocalMex, TestPeople.Viewer })
        {
            using var client = app.CreateApiClient();
            await client.SignInWithTokenAsync(person);
            (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, person);
        }
    }

    [Fact]
    public async Task Link_OfAnUnknownOrganization_Is404()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);

        (await client.GetAsync($"/api/organizations/{Guid.NewGuid()}/calendar")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/organizations/{Guid.NewGuid()}/calendar/regenerate", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Regenerate_ByTheOrganizationsFocalPoint_GivesANewLinkTheOldStopsWorkingAndIsAudited()
    {
        var arranged = await ArrangeAsync();
        var oldPath = await FeedPathAsync(arranged.OrganizationId);
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(arranged.FocalPointEmail, TestPeople.Password);

        var response = await client.PostAsync($"/api/organizations/{arranged.OrganizationId}/calendar/regenerate", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = (await response.Content.ReadFromJsonAsync<LinkResponse>(HttpClientExtensions.Json))!;
        var newPath = new Uri(link.Url).PathAndQuery;
        newPath.ShouldNotBe(oldPath);
        newPath.ShouldBe(await FeedPathAsync(arranged.OrganizationId));
        (await client.GetAsync(oldPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(newPath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityId == arranged.OrganizationId && a.Action == "RegenerateCalendarLink"));
        audit.UserEmail.ShouldBe(arranged.FocalPointEmail);
        audit.Change.ShouldBe("Updated");
    }

    [Fact]
    public async Task Regenerate_BySecretariat_Is200()
    {
        var arranged = await ArrangeAsync();
        var oldPath = await FeedPathAsync(arranged.OrganizationId);
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);

        var response = await client.PostAsync($"/api/organizations/{arranged.OrganizationId}/calendar/regenerate", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FeedPathAsync(arranged.OrganizationId)).ShouldNotBe(oldPath);
    }

    [Fact]
    public async Task Regenerate_ByAnotherOrganizationsFocalPoint_Is403AndChangesNothing()
    {
        var arranged = await ArrangeAsync();
        var path = await FeedPathAsync(arranged.OrganizationId);
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.FocalMex);

        var response = await client.PostAsync($"/api/organizations/{arranged.OrganizationId}/calendar/regenerate", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await FeedPathAsync(arranged.OrganizationId)).ShouldBe(path);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == arranged.OrganizationId && a.Action == "RegenerateCalendarLink")))
            .ShouldBeFalse();
    }

    [Fact]
    public async Task OpenApi_DescribesTheFeedTheLinkAndTheFailedMails()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await app.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var paths = root.GetProperty("paths");

        System.Text.Json.JsonElement Schema(System.Text.Json.JsonElement schema) =>
            schema.TryGetProperty("$ref", out var reference)
                ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
                : schema;

        System.Text.Json.JsonElement Ok(string path, string method) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty("200").GetProperty("content");

        Ok("/calendar/{organizationId}.ics", "get").TryGetProperty("text/calendar", out _).ShouldBeTrue();
        paths.GetProperty("/calendar/{organizationId}.ics").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue();
        foreach (var (path, method) in new[] { ("/api/organizations/{id}/calendar", "get"), ("/api/organizations/{id}/calendar/regenerate", "post") })
        {
            Schema(Ok(path, method).GetProperty("application/json").GetProperty("schema")).GetProperty("properties")
                .EnumerateObject().Select(p => p.Name).ShouldBe(["url"]);
        }

        var failed = Schema(Ok("/api/outbox/failed", "get").GetProperty("application/json").GetProperty("schema"));
        Schema(failed.GetProperty("properties").GetProperty("items").GetProperty("items")).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name)
            .ShouldBe(["id", "kind", "to", "toName", "language", "subject", "createdAt", "failedAt", "attempts", "lastError"], ignoreOrder: true);
    }

    private sealed record LinkResponse(string Url);

    private sealed record Arranged(Guid OrganizationId, string FocalPointEmail, Guid AssignmentId, string Code, DateOnly DueDate, Guid CycleId);

    /// <summary>
    /// An organization of the test's own with a focal point, assigned one action point in a forum whose reviews run on
    /// Santo Domingo time, with one review cycle; beside it what must stay out of its feed: another organization's
    /// assignment in the same forum, its own cancelled assignment, and a review cycle of a forum it has nothing in.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var acronym = "CAL-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var organizationId = await app.WithDbAsync(async db =>
        {
            var organization = Organization.Create($"Calendar test institute {acronym}", acronym, OrganizationKind.Academia, null);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
        var focalPoint = await app.CreatePersonAsync(Roles.FocalPoint, organizationId);
        var dueDate = new DateOnly(2026, 9, 30);
        var plan = await app.CreatePlanAsync(["MIG-MEX"], [acronym, "MIG-MEX"], startDate: new DateOnly(2026, 1, 1), dueDate: dueDate);
        var elsewhere = await app.CreatePlanAsync(["MIG-MEX"], ["MIG-MEX"]);

        var (cycleId, code) = await app.WithDbAsync(async db =>
        {
            var forum = (await db.Forums.FindAsync(plan.ForumId))!;
            forum.SetReviewSchedule(ReviewSchedule.Create(ReviewRecurrence.Quarterly, null, new DateOnly(2026, 7, 1), 92, null, 14, SantoDomingo));
            var cycle = ReviewCycle.Create(plan.ForumId, "Q3 review", new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 15), fromSchedule: false);
            db.ReviewCycles.Add(cycle);
            db.ReviewCycles.Add(ReviewCycle.Create(elsewhere.ForumId, "Another forum's review", new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), null, fromSchedule: false));

            var actionPoint = (await db.ActionPoints.FindAsync(plan.ActionPointId))!;
            var withdrawn = ActionPoint.Create(plan.ForumId, plan.ConclusionId, actionPoint.Code + "-X", "A withdrawn action", null, Priority.Low,
                new DateOnly(2026, 1, 1), dueDate.AddDays(-10), null);
            db.ActionPoints.Add(withdrawn);
            var cancelled = Assignment.Create(withdrawn, organizationId, AssignmentRole.Supporting, null);
            db.Assignments.Add(cancelled);
            await db.SaveChangesAsync();
            cancelled.Cancel();
            await db.SaveChangesAsync();
            return (cycle.Id, actionPoint.Code);
        });

        return new Arranged(organizationId, focalPoint.Email!, plan.AssignmentIds[acronym], code, dueDate, cycleId);
    }

    private Task<string> TokenAsync(Guid organizationId) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Id == organizationId).Select(o => o.CalendarToken).SingleAsync());

    private async Task<string> FeedPathAsync(Guid organizationId) => $"/calendar/{organizationId}.ics?token={await TokenAsync(organizationId)}";

    private static CalendarEvent Event(ICalendar calendar, string uid) => calendar.Events.Single(e => e.Uid == uid);
}

public sealed class CalendarFeedTestsOnSqlite(SqliteApp app) : CalendarFeedTests<SqliteApp>(app);

public sealed class CalendarFeedTestsOnPostgreSql(PostgreSqlApp app) : CalendarFeedTests<PostgreSqlApp>(app);
