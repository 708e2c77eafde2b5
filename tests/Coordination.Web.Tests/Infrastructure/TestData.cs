using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Infrastructure;

/// <summary>
/// Arranges a test's own forum, conclusion, action point and assignments straight through the domain and the
/// DbContext (the projection follows through the domain events, as in the app); the test then acts through the API.
/// </summary>
public static class TestData
{
    public sealed record Plan(
        Guid ForumId, Guid ConclusionId, Guid ActionPointId,
        IReadOnlyDictionary<string, Guid> OrganizationIds, IReadOnlyDictionary<string, Guid> AssignmentIds);

    /// <summary>
    /// A forum whose participants are the given organizations (by acronym, e.g. "INM", "MIG-MEX"), one conclusion,
    /// one action point, and an assignment for each of <paramref name="assignedAcronyms"/>.
    /// </summary>
    public static async Task<Plan> CreatePlanAsync(
        this CoordinationApp app,
        string[] participantAcronyms,
        string[] assignedAcronyms,
        bool requiresValidation = true,
        DateOnly? startDate = null,
        DateOnly? dueDate = null)
    {
        var start = startDate ?? DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-3);
        var due = dueDate ?? DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);
        return await app.WithDbAsync(async db =>
        {
            var acronyms = participantAcronyms.Concat(assignedAcronyms).Distinct().ToList();
            var organizations = await db.Organizations.Where(o => acronyms.Contains(o.Acronym)).ToDictionaryAsync(o => o.Acronym, o => o.Id);
            if (organizations.Count != acronyms.Count)
                throw new InvalidOperationException($"Unknown organization among {string.Join(", ", acronyms)}.");

            var suffix = Guid.NewGuid().ToString("N")[..6];
            var forum = Forum.Create($"Test forum {suffix}", "Santo Domingo", start, start.AddDays(2), null, requiresValidation,
                participantAcronyms.Select(a => organizations[a]));
            var conclusion = Conclusion.Create(forum.Id, 1, "Adopt a common conceptual framework.", "Conceptual framework", [1], ["17.8"]);
            var actionPoint = ActionPoint.Create(forum.Id, conclusion.Id, $"T-{suffix}", "Draft a regional glossary", null, Priority.High, start, due, null);
            db.Forums.Add(forum);
            db.Conclusions.Add(conclusion);
            db.ActionPoints.Add(actionPoint);
            var assignments = assignedAcronyms.ToDictionary(
                a => a,
                a =>
                {
                    forum.AddParticipant(organizations[a]);
                    var assignment = Assignment.Create(actionPoint, organizations[a], AssignmentRole.Lead, null);
                    db.Assignments.Add(assignment);
                    return assignment.Id;
                });
            await db.SaveChangesAsync();
            return new Plan(forum.Id, conclusion.Id, actionPoint.Id, organizations, assignments);
        });
    }

    public static Task<Guid> OrganizationIdAsync(this CoordinationApp app, string acronym) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync());

    public static ProgressReport Report(AssignmentStatus status = AssignmentStatus.InProgress, int percent = 40) =>
        new(status, percent, "Glossary drafted with the national statistics office.", null, null, [], null, null);
}
