using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Browser.Tests.Infrastructure;

/// <summary>
/// Looks up the demo data's ids and arranges what the demo lacks, straight through the domain and the DbContext, so a
/// test can type an address a person could not reach by clicking.
/// </summary>
public static class BrowserData
{
    /// <summary>The demo forum's assignment of an action point (e.g. "RF22-04") to an organization (e.g. "INM").</summary>
    public static Task<Guid> DemoAssignmentIdAsync(this BrowserApp app, string actionPointCode, string acronym) =>
        app.WithDbAsync(db =>
            (from assignment in db.Assignments
             join actionPoint in db.ActionPoints on assignment.ActionPointId equals actionPoint.Id
             join organization in db.Organizations on assignment.OrganizationId equals organization.Id
             where actionPoint.Code == actionPointCode && organization.Acronym == acronym
             select assignment.Id).SingleAsync());

    public static Task<Guid> DemoActionPointIdAsync(this BrowserApp app, string code) =>
        app.WithDbAsync(db => db.ActionPoints.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    /// <summary>A forum of its own whose only participant is <paramref name="acronym"/>, with one action point assigned to it.</summary>
    public static Task<Guid> CreateForumWithAssignmentAsync(this BrowserApp app, string acronym) =>
        app.WithDbAsync(async db =>
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync();
            var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2);
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var forum = Forum.Create($"Bilateral meeting {suffix}", "Santo Domingo", start, start.AddDays(1), null, requiresValidation: true, [organizationId]);
            var conclusion = Conclusion.Create(forum.Id, 1, "Share the register's design with the statistics office.", "Registers", [1], ["17.8"]);
            var actionPoint = ActionPoint.Create(forum.Id, conclusion.Id, $"BM-{suffix}", "Share the register's design", null, Priority.Medium, start, start.AddMonths(6), null);
            var assignment = Assignment.Create(actionPoint, organizationId, AssignmentRole.Lead, null);
            db.Forums.Add(forum);
            db.Conclusions.Add(conclusion);
            db.ActionPoints.Add(actionPoint);
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment.Id;
        });

    private static Task<T> WithDbAsync<T>(this BrowserApp app, Func<CoordinationDbContext, Task<T>> action) =>
        app.WithScopeAsync(services => action(services.GetRequiredService<CoordinationDbContext>()));
}
