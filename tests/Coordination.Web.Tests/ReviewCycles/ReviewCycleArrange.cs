using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.ReviewCycles;

/// <summary>Arranges review cycles, schedules and updates straight through the domain; the tests then act through the API.</summary>
internal static class ReviewCycleArrange
{
    public const string SantoDomingo = "America/Santo_Domingo";

    public static async Task<HttpClient> ClientAsync(this CoordinationApp app, string email, string password = TestPeople.DemoPassword)
    {
        var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(email, password);
        return client;
    }

    public static async Task<Problem> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(HttpClientExtensions.Json))!;
    }

    public static DateOnly TodayIn(DateTimeOffset now, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    public static DateOnly UtcToday() => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Sends a message as the system (the secretariat, without a request), as a job does.</summary>
    public static Task<T> AsSystemAsync<T>(this CoordinationApp app, Func<ISender, ValueTask<T>> send) =>
        app.WithScopeAsync(async services =>
        {
            services.GetRequiredService<SystemActor>().Activate();
            return await send(services.GetRequiredService<ISender>());
        });

    public static Task<Guid> CreateCycleAsync(
        this CoordinationApp app, Guid forumId, DateOnly opensOn, DateOnly deadline, bool open = false, string? name = null) =>
        app.WithDbAsync(async db =>
        {
            var cycle = ReviewCycle.Create(forumId, name ?? $"Review {Guid.NewGuid():N}"[..20], opensOn, deadline, null, fromSchedule: false);
            db.ReviewCycles.Add(cycle);
            await db.SaveChangesAsync();
            if (open)
            {
                cycle.Open(DateTime.UtcNow);
                await db.SaveChangesAsync();
            }

            return cycle.Id;
        });

    /// <summary>
    /// An update submitted at <paramref name="submittedAt"/>, counted at once (as in a forum without validation), or
    /// left awaiting the secretariat's validation.
    /// </summary>
    public static Task<Guid> ReportAsync(
        this CoordinationApp app, Guid assignmentId, Guid? cycleId, DateTime submittedAt, AssignmentStatus status = AssignmentStatus.InProgress, int percent = 40,
        bool awaitValidation = false) =>
        app.WithDbAsync(async db =>
        {
            var assignment = (await db.Assignments.FindAsync(assignmentId))!;
            var narrative = status == AssignmentStatus.Completed
                ? "The regional glossary was delivered, validated by every national statistics office and published online."
                : "Glossary drafted with the national statistics office.";
            var update = assignment.Report(
                new ProgressReport(status, percent, narrative, null, null, [], null, cycleId),
                new Reporter(Guid.NewGuid(), "Focal point", assignment.OrganizationId), submittedAt, requiresValidation: awaitValidation);
            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync();
            return update.Id;
        });

    /// <summary>A focal point's report through the API, as the update form sends it; returns the cycle it was filed under.</summary>
    public static async Task<Guid?> ReportThroughApiAsync(
        this CoordinationApp app, string email, string password, Guid assignmentId, AssignmentStatus status, int percent)
    {
        using var client = await app.ClientAsync(email, password);
        var response = await client.PostAsJsonAsync($"/api/assignments/{assignmentId}/progress-updates", new
        {
            status = status.ToString(),
            percentComplete = percent,
            narrative = "The national working group met and drafted the chapter on definitions, as agreed at the forum.",
            evidenceLinks = status == AssignmentStatus.Completed ? new[] { "https://example.org/glossary" } : [],
        });
        return (await ReadAsync<UpdateResponse>(response, HttpStatusCode.Created)).ReviewCycleId;
    }

    public static Task<List<ReviewCycle>> CyclesAsync(this CoordinationApp app, Guid forumId) =>
        app.WithDbAsync(db => db.ReviewCycles.AsNoTracking().Where(c => c.ForumId == forumId).OrderBy(c => c.OpensOn).ToListAsync());

    public static Task<ReviewCycle> CycleAsync(this CoordinationApp app, Guid id) =>
        app.WithDbAsync(db => db.ReviewCycles.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task CancelAsync(this CoordinationApp app, Guid assignmentId) =>
        app.WithDbAsync(async db =>
        {
            (await db.Assignments.FindAsync(assignmentId))!.Cancel();
            await db.SaveChangesAsync();
        });

    public static Task SetDueDateAsync(this CoordinationApp app, Guid assignmentId, DateOnly dueDate) =>
        app.WithDbAsync(async db =>
        {
            var assignment = (await db.Assignments.FindAsync(assignmentId))!;
            var actionPoint = (await db.ActionPoints.FindAsync(assignment.ActionPointId))!;
            assignment.Change(actionPoint, assignment.Role, dueDate);
            await db.SaveChangesAsync();
        });

    public static Task SetScheduleAsync(this CoordinationApp app, Guid forumId, ReviewSchedule schedule) =>
        app.WithDbAsync(async db =>
        {
            var forum = await db.Forums.SingleAsync(f => f.Id == forumId);
            forum.SetReviewSchedule(schedule);
            await db.SaveChangesAsync();
        });

    /// <summary>The active focal points of the organizations, straight from the accounts, with their language.</summary>
    public static Task<Dictionary<string, string>> FocalPointsAsync(this CoordinationApp app, IEnumerable<Guid> organizationIds) =>
        app.WithScopeAsync(async services =>
        {
            var ids = organizationIds.ToHashSet();
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            return (await users.GetUsersInRoleAsync(Roles.FocalPoint))
                .Where(u => ids.Contains(u.OrganizationId) && u.IsActive)
                .ToDictionary(u => u.Email!, u => u.PreferredLanguage, StringComparer.OrdinalIgnoreCase);
        });

    public static Task<Coordination.Domain.Notifications.OutboxMessage[]> CycleMailsAsync(this CoordinationApp app, Guid cycleId) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.DeduplicationKey.StartsWith($"cycle-opened:{cycleId}:"))
            .ToArrayAsync());
}

internal sealed record UpdateResponse(Guid Id, Guid? ReviewCycleId);

internal sealed record CycleResponse(
    Guid Id, Guid ForumId, string Name, DateOnly OpensOn, DateOnly SubmissionDeadline, DateOnly? MeetingDate, string State,
    bool FromSchedule, DateTime? OpenedAt, DateTime? ClosedAt, string Version);

internal sealed record PlannedResponse(string Name, DateOnly OpensOn, DateOnly SubmissionDeadline, DateOnly? MeetingDate);

internal sealed record ScheduleResponse(
    Guid ForumId, string Recurrence, string? CronExpression, DateOnly FirstOpensOn, int WindowDays, List<int> ReminderOffsets,
    int? MeetingDaysAfterDeadline, string TimeZone, List<PlannedResponse> Upcoming, string ForumVersion);

internal sealed record CountsResponse(int Expected, int SubmittedOnTime, int Late, int Missing);

internal sealed record OrganizationComplianceResponse(
    Guid OrganizationId, string OrganizationName, string? CountryCode, int Expected, int SubmittedOnTime, int Late, int Missing);

internal sealed record ComplianceResponse(
    Guid ReviewCycleId, Guid ForumId, string Name, string State, DateOnly SubmissionDeadline, string Source, CountsResponse Total,
    List<OrganizationComplianceResponse> Organizations);

internal sealed record CyclePage(List<CycleResponse> Items, int Page, int PageSize, int TotalCount);
