using System.Net.Http.Json;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Authorization;

/// <summary>Who asks, in the matrix: the caller's relation to the arranged forum and its assignment to INM.</summary>
public enum Caller
{
    Anonymous,
    Viewer,

    /// <summary>focal.dom@example.org, of INM, the assigned organization.</summary>
    AssignedFocalPoint,

    /// <summary>focal.mex@example.org, of MIG-MEX, taking part in the forum without the assignment.</summary>
    OtherFocalPoint,

    /// <summary>A focal point of NSO-GTM, an organization not taking part in the forum at all.</summary>
    OutsideFocalPoint,
    Secretariat,
}

/// <summary>The ids a request of the matrix is made against: a fresh forum for every case.</summary>
public sealed record Arranged(TestData.Plan Plan, Guid AssignmentId, Guid SubmittedUpdateId, string OrganizationVersion)
{
    /// <summary>A review cycle of the forum waiting to open (version 1); the forum also has a review schedule.</summary>
    public Guid ScheduledCycleId { get; init; }

    /// <summary>An open review cycle of the forum.</summary>
    public Guid OpenCycleId { get; init; }

    /// <summary>A background import of the forum, queued (never run: no job server in the tests).</summary>
    public Guid ImportRunId { get; init; }
}

/// <summary>One route of the API and the answer each caller gets: the status, or the alternatives allowed.</summary>
public sealed record RouteAccess(string Method, string Template, Func<Arranged, HttpRequestMessage> Request, IReadOnlyDictionary<Caller, int> Expected)
{
    public string Route => $"{Method} {Template}";

    public override string ToString() => Route;
}

public static class AccessMatrix
{
    private const int Ok = 200, Created = 201, Unauthorized = 401, Forbidden = 403, NotFound = 404;

    /// <summary>Readable by anyone signed in who may see the forum; a focal point outside it does not learn it exists.</summary>
    private static Dictionary<Caller, int> ForumRead() => Expect(Unauthorized, Ok, Ok, Ok, NotFound, Ok);

    /// <summary>A report of an unpublished forum: its readers only; anonymous callers do not learn it exists (Reports tests prove the published case).</summary>
    private static Dictionary<Caller, int> UnpublishedReport() => Expect(NotFound, Ok, Ok, Ok, NotFound, Ok);

    private static Dictionary<Caller, int> SignedIn() => Expect(Unauthorized, Ok, Ok, Ok, Ok, Ok);

    private static Dictionary<Caller, int> SecretariatOnly(int success) => Expect(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, success);

    private static Dictionary<Caller, int> Expect(int anonymous, int viewer, int assigned, int other, int outside, int secretariat) => new()
    {
        [Caller.Anonymous] = anonymous,
        [Caller.Viewer] = viewer,
        [Caller.AssignedFocalPoint] = assigned,
        [Caller.OtherFocalPoint] = other,
        [Caller.OutsideFocalPoint] = outside,
        [Caller.Secretariat] = secretariat,
    };

    public static IReadOnlyList<RouteAccess> Routes { get; } =
    [
        new("GET", "/api/me", _ => Get("/api/me"), SignedIn()),
        new("GET", "/api/me/preferences", _ => Get("/api/me/preferences"), SignedIn()),
        new("PUT", "/api/me/preferences", _ => Send("PUT", "/api/me/preferences", new { receivesDigest = true }), SignedIn()),
        new("GET", "/api/organizations", _ => Get("/api/organizations"), SignedIn()),
        new("GET", "/api/organizations/{id}", a => Get($"/api/organizations/{a.Plan.OrganizationIds["INM"]}"), SignedIn()),
        new("POST", "/api/organizations", _ => Send("POST", "/api/organizations", new { name = "Migration observatory " + Guid.NewGuid(), acronym = "OBS", kind = "Academia" }), SecretariatOnly(Created)),
        new("PUT", "/api/organizations/{id}", a => Send("PUT", $"/api/organizations/{a.Plan.OrganizationIds["INM"]}",
            new { name = "National Migration Institute of the Dominican Republic", acronym = "INM", kind = "MemberStateInstitution", countryCode = "DOM", version = a.OrganizationVersion }), SecretariatOnly(Ok)),
        new("POST", "/api/organizations/{id}/invitations", a => Send("POST", $"/api/organizations/{a.Plan.OrganizationIds["INM"]}/invitations",
            new { email = $"new.{Guid.NewGuid():N}@example.org", role = "FocalPoint" }), SecretariatOnly(Created)),
        new("GET", "/api/organizations/{id}/invitations", a => Get($"/api/organizations/{a.Plan.OrganizationIds["INM"]}/invitations"), SecretariatOnly(Ok)),
        new("GET", "/api/organizations/{id}/invitations/{invitationId}", a => Get($"/api/organizations/{a.Plan.OrganizationIds["INM"]}/invitations/{Guid.NewGuid()}"), SecretariatOnly(NotFound)),
        new("GET", "/api/people/{id}", a => Get($"/api/people/{Guid.NewGuid()}"), SecretariatOnly(NotFound)),
        new("GET", "/api/organizations/{id}/calendar", a => Get($"/api/organizations/{a.Plan.OrganizationIds["INM"]}/calendar"),
            Expect(Unauthorized, Forbidden, Ok, Forbidden, Forbidden, Ok)),
        new("POST", "/api/organizations/{id}/calendar/regenerate", a => Send("POST", $"/api/organizations/{a.Plan.OrganizationIds["INM"]}/calendar/regenerate", null),
            Expect(Unauthorized, Forbidden, Ok, Forbidden, Forbidden, Ok)),
        new("GET", "/api/outbox/failed", _ => Get("/api/outbox/failed"), SecretariatOnly(Ok)),
        new("GET", "/api/forums", _ => Get("/api/forums"), SignedIn()),
        new("POST", "/api/forums", _ => Send("POST", "/api/forums", new { title = "Follow-up meeting", place = "Panama City", startDate = "2026-03-02", endDate = "2026-03-03" }), SecretariatOnly(Created)),
        new("GET", "/api/forums/{id}", a => Get($"/api/forums/{a.Plan.ForumId}"), ForumRead()),
        new("PUT", "/api/forums/{id}", a => Send("PUT", $"/api/forums/{a.Plan.ForumId}", new { title = "Renamed forum", place = "Santo Domingo", startDate = "2022-07-06", endDate = "2022-07-08", requiresValidation = true, version = "1" }), SecretariatOnly(Ok)),
        new("GET", "/api/forums/{id}/conclusions", a => Get($"/api/forums/{a.Plan.ForumId}/conclusions"), ForumRead()),
        new("POST", "/api/forums/{id}/conclusions", a => Send("POST", $"/api/forums/{a.Plan.ForumId}/conclusions", new { number = 2, text = "Strengthen national capacities.", theme = "Instruments", gcmObjectives = new[] { 1 }, sdgTargets = new[] { "10.7" } }), SecretariatOnly(Created)),
        new("GET", "/api/conclusions/{id}", a => Get($"/api/conclusions/{a.Plan.ConclusionId}"), ForumRead()),
        new("PUT", "/api/conclusions/{id}", a => Send("PUT", $"/api/conclusions/{a.Plan.ConclusionId}", new { number = 1, text = "Adopt a common framework.", theme = "Conceptual framework", gcmObjectives = new[] { 1 }, sdgTargets = new[] { "17.8" }, version = "1" }), SecretariatOnly(Ok)),
        new("GET", "/api/action-points", a => Get($"/api/action-points?forumId={a.Plan.ForumId}"), SignedIn()),
        new("POST", "/api/action-points", a => Send("POST", "/api/action-points", new { conclusionId = a.Plan.ConclusionId, code = "M-" + Guid.NewGuid().ToString("N")[..6], title = "Publish a dataset", priority = "Medium", startDate = "2026-01-01", dueDate = "2026-12-31" }), SecretariatOnly(Created)),
        new("GET", "/api/action-points/{id}", a => Get($"/api/action-points/{a.Plan.ActionPointId}"), ForumRead()),
        new("PUT", "/api/action-points/{id}", a => Send("PUT", $"/api/action-points/{a.Plan.ActionPointId}", new { conclusionId = a.Plan.ConclusionId, code = "RENAMED-" + Guid.NewGuid().ToString("N")[..6], title = "Draft a regional glossary", priority = "High", startDate = "2025-01-01", dueDate = "2027-01-01", version = "1" }), SecretariatOnly(Ok)),
        new("POST", "/api/action-points/{id}/assignments", a => Send("POST", $"/api/action-points/{a.Plan.ActionPointId}/assignments", new { organizationId = a.Plan.OrganizationIds["MIG-MEX"], role = "Supporting" }), SecretariatOnly(Created)),
        new("POST", "/api/action-points/{id}/assignments/bulk", a => Send("POST", $"/api/action-points/{a.Plan.ActionPointId}/assignments/bulk", new { allMemberStateInstitutions = true, role = "Supporting" }), SecretariatOnly(Ok)),
        new("GET", "/api/assignments", _ => Get("/api/assignments"), SignedIn()),
        new("GET", "/api/assignments/{id}", a => Get($"/api/assignments/{a.AssignmentId}"), ForumRead()),
        new("PUT", "/api/assignments/{id}", a => Send("PUT", $"/api/assignments/{a.AssignmentId}", new { role = "Lead", dueDate = "2027-06-30", version = "2" }), SecretariatOnly(Ok)),
        new("POST", "/api/assignments/{id}/cancel", a => Send("POST", $"/api/assignments/{a.AssignmentId}/cancel", null), SecretariatOnly(Ok)),
        new("GET", "/api/assignments/{id}/progress-updates", a => Get($"/api/assignments/{a.AssignmentId}/progress-updates"), ForumRead()),
        new("POST", "/api/assignments/{id}/progress-updates", a => Send("POST", $"/api/assignments/{a.AssignmentId}/progress-updates", new { status = "InProgress", percentComplete = 50, narrative = "Half of the glossary is drafted." }),
            Expect(Unauthorized, Forbidden, Conflict, Forbidden, NotFound, Conflict)),
        new("GET", "/api/progress-updates", _ => Get("/api/progress-updates?state=Submitted"), SecretariatOnly(Ok)),
        new("GET", "/api/progress-updates/{id}", a => Get($"/api/progress-updates/{a.SubmittedUpdateId}"), ForumRead()),
        new("POST", "/api/progress-updates/{id}/accept", a => Send("POST", $"/api/progress-updates/{a.SubmittedUpdateId}/accept", null), SecretariatOnly(Ok)),
        new("POST", "/api/progress-updates/{id}/return", a => Send("POST", $"/api/progress-updates/{a.SubmittedUpdateId}/return", new { comment = "Please attach the evidence." }), SecretariatOnly(Ok)),
        new("GET", "/api/audit", a => Get($"/api/audit?entityType=Assignment&entityId={a.AssignmentId}"), SecretariatOnly(Ok)),
        new("GET", "/api/forums/{id}/review-schedule", a => Get($"/api/forums/{a.Plan.ForumId}/review-schedule"), ForumRead()),
        new("PUT", "/api/forums/{id}/review-schedule", a => Send("PUT", $"/api/forums/{a.Plan.ForumId}/review-schedule", new { recurrence = "Quarterly", firstOpensOn = "2026-07-01", windowDays = 30, timeZone = "America/Santo_Domingo" }), SecretariatOnly(Ok)),
        new("DELETE", "/api/forums/{id}/review-schedule", a => Send("DELETE", $"/api/forums/{a.Plan.ForumId}/review-schedule", null), SecretariatOnly(204)),
        new("GET", "/api/forums/{id}/review-cycles", a => Get($"/api/forums/{a.Plan.ForumId}/review-cycles"), ForumRead()),
        new("POST", "/api/forums/{id}/review-cycles", a => Send("POST", $"/api/forums/{a.Plan.ForumId}/review-cycles", new { name = "Q3 2026 review", opensOn = "2026-07-01", submissionDeadline = "2026-07-31" }), SecretariatOnly(Created)),
        new("GET", "/api/review-cycles/{id}", a => Get($"/api/review-cycles/{a.OpenCycleId}"), ForumRead()),
        new("PUT", "/api/review-cycles/{id}", a => Send("PUT", $"/api/review-cycles/{a.ScheduledCycleId}", new { name = "Renamed review", opensOn = "2030-01-01", submissionDeadline = "2030-01-31", version = "1" }), SecretariatOnly(Ok)),
        new("POST", "/api/review-cycles/{id}/open", a => Send("POST", $"/api/review-cycles/{a.ScheduledCycleId}/open", null), SecretariatOnly(Ok)),
        new("POST", "/api/review-cycles/{id}/close", a => Send("POST", $"/api/review-cycles/{a.OpenCycleId}/close", null), SecretariatOnly(Ok)),
        new("GET", "/api/review-cycles/{id}/compliance", a => Get($"/api/review-cycles/{a.OpenCycleId}/compliance"), ForumRead()),
        new("GET", "/api/reports/regional-status", a => Get($"/api/reports/regional-status?forumId={a.Plan.ForumId}"), UnpublishedReport()),
        new("GET", "/api/reports/regional-status.csv", a => Get($"/api/reports/regional-status.csv?forumId={a.Plan.ForumId}"), UnpublishedReport()),
        new("GET", "/api/reports/regional-status.xlsx", a => Get($"/api/reports/regional-status.xlsx?forumId={a.Plan.ForumId}"), UnpublishedReport()),
        new("GET", "/api/reports/trend", a => Get($"/api/reports/trend?forumId={a.Plan.ForumId}"), UnpublishedReport()),
        new("GET", "/api/reports/published", _ => Get("/api/reports/published"), Expect(Ok, Ok, Ok, Ok, Ok, Ok)),
        new("POST", "/api/forums/{id}/report/publish", a => Send("POST", $"/api/forums/{a.Plan.ForumId}/report/publish", null), SecretariatOnly(Ok)),
        new("POST", "/api/forums/{id}/report/unpublish", a => Send("POST", $"/api/forums/{a.Plan.ForumId}/report/unpublish", null), SecretariatOnly(Ok)),
        new("POST", "/api/imports/action-points", a => Upload($"/api/imports/action-points?forumId={a.Plan.ForumId}&dryRun=true"), SecretariatOnly(Ok)),
        new("GET", "/api/imports/action-points/template.csv", _ => Get("/api/imports/action-points/template.csv"), SecretariatOnly(Ok)),
        new("GET", "/api/forums/{id}/plan.csv", a => Get($"/api/forums/{a.Plan.ForumId}/plan.csv"), ForumRead()),
        new("GET", "/api/forums/{id}/plan.xlsx", a => Get($"/api/forums/{a.Plan.ForumId}/plan.xlsx"), ForumRead()),
        new("GET", "/api/imports/{id}", a => Get($"/api/imports/{a.ImportRunId}"), SecretariatOnly(Ok)),
    ];

    /// <summary>
    /// The arranged assignment already has an update awaiting validation, so a permitted report is refused by the
    /// rule "one update awaiting validation at a time" (409) — past authorization, which is what the matrix proves.
    /// </summary>
    private const int Conflict = 409;

    /// <summary>Routes that need no sign-in by design, proven by their own tests.</summary>
    public static IReadOnlySet<string> Public { get; } = new HashSet<string>
    {
        "POST /api/auth/login",
        "POST /api/auth/refresh",
        "POST /api/invitations/accept",
    };

    public static async Task<Arranged> ArrangeAsync(CoordinationApp app)
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM"]);
        var assignmentId = plan.AssignmentIds["INM"];
        var (updateId, organizationVersion) = await app.WithDbAsync(async db =>
        {
            var assignment = (await db.Assignments.FindAsync(assignmentId))!;
            var update = assignment.Report(TestData.Report(), new Reporter(Guid.NewGuid(), "Focal point", assignment.OrganizationId), DateTime.UtcNow, requiresValidation: true);
            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync();
            var organization = (await db.Organizations.FindAsync(plan.OrganizationIds["INM"]))!;
            return (update.Id, organization.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        var (scheduledCycleId, openCycleId) = await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var forum = await db.Forums.SingleAsync(f => f.Id == plan.ForumId);
            forum.SetReviewSchedule(ReviewSchedule.Create(ReviewRecurrence.Quarterly, null, today.AddYears(1), 30, null, null, "America/Santo_Domingo"));
            // Saved at the version it had, which the forum's PUT row sends.
            db.Entry(forum).Property(f => f.Version).CurrentValue = forum.Version - 1;
            var scheduled = ReviewCycle.Create(plan.ForumId, "Next review", today.AddDays(10), today.AddDays(40), null, fromSchedule: false);
            var open = ReviewCycle.Create(plan.ForumId, "Current review", today.AddDays(-10), today.AddDays(20), null, fromSchedule: false);
            db.ReviewCycles.AddRange(scheduled, open);
            await db.SaveChangesAsync();
            open.Open(DateTime.UtcNow);
            await db.SaveChangesAsync();
            return (scheduled.Id, open.Id);
        });
        var importRunId = await app.WithDbAsync(async db =>
        {
            var run = Coordination.Domain.Imports.ImportRun.Queue(plan.ForumId, Guid.NewGuid(), "plan.csv", [1], 1, DateTime.UtcNow);
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        return new Arranged(plan, assignmentId, updateId, organizationVersion)
        {
            ScheduledCycleId = scheduledCycleId, OpenCycleId = openCycleId, ImportRunId = importRunId,
        };
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    /// <summary>A plan file (the import template) as the form field <c>file</c>.</summary>
    private static HttpRequestMessage Upload(string url)
    {
        var file = new ByteArrayContent(Coordination.Application.Imports.PlanFileWriter.WriteCsv([Coordination.Application.Imports.PlanFormat.ExampleRow()]));
        return new(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { file, "file", "plan.csv" } } };
    }

    private static HttpRequestMessage Send(string method, string url, object? body) =>
        new(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
}
