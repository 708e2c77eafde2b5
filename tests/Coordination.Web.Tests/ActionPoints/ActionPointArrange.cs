using System.Net.Http.Json;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.ActionPoints;

/// <summary>Arrangements the action-point and assignment tests share, made through the domain like <see cref="TestData"/>.</summary>
internal static class ActionPointArrange
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<HttpClient> SignedInAsync(this CoordinationApp app, string email, string password = TestPeople.DemoPassword)
    {
        var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(email, password);
        return client;
    }

    /// <summary>Another action point in an existing forum, assigned (as lead, on its own due date) to the given organizations.</summary>
    public static Task<(Guid ActionPointId, Dictionary<Guid, Guid> AssignmentIds)> AddActionPointAsync(
        this CoordinationApp app, TestData.Plan plan, string code, DateOnly start, DateOnly due, params Guid[] organizationIds) =>
        app.WithDbAsync(async db =>
        {
            var forum = await db.Forums.SingleAsync(f => f.Id == plan.ForumId);
            var actionPoint = ActionPoint.Create(plan.ForumId, plan.ConclusionId, code, $"Action {code}", null, Priority.Medium, start, due, null);
            db.ActionPoints.Add(actionPoint);
            var assignments = new Dictionary<Guid, Guid>();
            foreach (var organizationId in organizationIds)
            {
                forum.AddParticipant(organizationId);
                var assignment = Assignment.Create(actionPoint, organizationId, AssignmentRole.Lead, null);
                db.Assignments.Add(assignment);
                assignments[organizationId] = assignment.Id;
            }

            await db.SaveChangesAsync();
            return (actionPoint.Id, assignments);
        });

    /// <summary>A focal point's report straight through the domain, so that the read model carries a status and percent.</summary>
    public static Task ReportAsync(this CoordinationApp app, Guid assignmentId, AssignmentStatus status, int percent, bool requiresValidation) =>
        app.WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.SingleAsync(a => a.Id == assignmentId);
            var update = assignment.Report(
                TestData.Report(status, percent), new Reporter(Guid.NewGuid(), "Test focal point", assignment.OrganizationId),
                DateTime.UtcNow, requiresValidation);
            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync();
        });

    public static async Task<Problem> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(HttpClientExtensions.Json))!;
}

internal sealed record IndicatorResponse(decimal? Baseline, decimal Target, string? Unit);

internal sealed record ActionPointResponse(
    Guid Id, Guid ForumId, Guid ConclusionId, string Code, string Title, string? Description, string Priority,
    DateOnly StartDate, DateOnly DueDate, IndicatorResponse? Indicator, int AssignmentCount, string Version,
    List<AssignmentResponse>? Assignments);

internal sealed record AssignmentResponse(
    Guid Id, Guid ActionPointId, string ActionPointCode, string ActionPointTitle, Guid ForumId, Guid OrganizationId,
    string OrganizationName, string? CountryCode, string Role, string Status, int PercentComplete, DateOnly DueDate,
    bool Overdue, bool AtRisk, DateTime? LastUpdateAt, bool AwaitingValidation, Guid? PendingUpdateId, Guid? ReturnedUpdateId,
    string Version);

internal sealed record SkippedResponse(Guid OrganizationId, string OrganizationName, string Reason);

internal sealed record BulkResponse(List<AssignmentResponse> Created, List<SkippedResponse> Skipped);

internal sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int TotalCount);
