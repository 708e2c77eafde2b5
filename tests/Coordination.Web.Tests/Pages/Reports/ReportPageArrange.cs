using AngleSharp.Dom;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Pages.Reports;

/// <summary>What the report page tests arrange through the domain and read from the pages.</summary>
internal static class ReportPageArrange
{
    public static Task SetPublishedAsync(this CoordinationApp app, Guid forumId, bool published) =>
        app.WithDbAsync(async db =>
        {
            var forum = await db.Forums.SingleAsync(f => f.Id == forumId);
            if (published)
                forum.PublishReport();
            else
                forum.UnpublishReport();
            await db.SaveChangesAsync();
        });

    /// <summary>A completed report with its evidence, straight through the domain, in a forum that does not validate updates.</summary>
    public static Task CompleteAsync(this CoordinationApp app, Guid assignmentId) =>
        app.WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.SingleAsync(a => a.Id == assignmentId);
            var report = new ProgressReport(AssignmentStatus.Completed, 100, "Delivered.", null, null, ["https://example.org/evidence"], null, null);
            db.ProgressUpdates.Add(assignment.Report(report, new Reporter(Guid.NewGuid(), "Test focal point", assignment.OrganizationId), DateTime.UtcNow, requiresValidation: false));
            await db.SaveChangesAsync();
        });

    /// <summary>A new organization with the given name (e.g. one that tries to inject markup), taking part in a forum of its own.</summary>
    public static Task<Guid> CreateOrganizationAsync(this CoordinationApp app, string name, OrganizationKind kind, string? countryCode) =>
        app.WithDbAsync(async db =>
        {
            var organization = Organization.Create(name, $"X{Guid.NewGuid().ToString("N")[..6]}", kind, countryCode);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });

    /// <summary>A forum with one conclusion of the given theme and one action point assigned to each organization.</summary>
    public static Task<(Guid ForumId, Dictionary<Guid, Guid> AssignmentIds)> CreateForumAsync(
        this CoordinationApp app, string theme, params Guid[] organizationIds) =>
        app.WithDbAsync(async db =>
        {
            var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2);
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var forum = Forum.Create($"Report forum {suffix}", "Panama City", start, start.AddDays(1), null, requiresValidation: false, organizationIds);
            var conclusion = Conclusion.Create(forum.Id, 1, "Share administrative data.", theme, [3], ["10.7"]);
            var actionPoint = ActionPoint.Create(forum.Id, conclusion.Id, $"R-{suffix}", "Open the registers", null, Priority.Medium, start, start.AddMonths(8), null);
            db.Forums.Add(forum);
            db.Conclusions.Add(conclusion);
            db.ActionPoints.Add(actionPoint);
            var assignments = new Dictionary<Guid, Guid>();
            foreach (var organizationId in organizationIds)
            {
                var assignment = Assignment.Create(actionPoint, organizationId, AssignmentRole.Lead, null);
                db.Assignments.Add(assignment);
                assignments[organizationId] = assignment.Id;
            }

            await db.SaveChangesAsync();
            return (forum.Id, assignments);
        });

    /// <summary>Opens and closes a review cycle of the forum: closing freezes its snapshot (nobody reported in it).</summary>
    public static Task CloseCycleAsync(this CoordinationApp app, Guid forumId, string name) =>
        app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var cycle = ReviewCycle.Create(forumId, name, today.AddDays(-30), today.AddDays(-5), null, fromSchedule: false);
            db.ReviewCycles.Add(cycle);
            cycle.Open(DateTime.UtcNow.AddDays(-30));
            await db.SaveChangesAsync();
            cycle.Close(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    /// <summary>The figure of the dashboard or scorecard named <paramref name="name"/> (assignments, percentComplete, a status…), as shown.</summary>
    public static string Figure(this IDocument page, string name) =>
        page.QuerySelector($".report-figure[data-figure='{name}'] dd")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No figure '{name}' on the page.");

    /// <summary>Per organization of the plan (by acronym), each cycle's cell as shown on the compliance page: its verdict and its counts.</summary>
    public static Dictionary<string, List<(string Verdict, string Counts)>> CompliancePerOrganization(this IDocument page, TestData.Plan plan) =>
        plan.AssignmentIds.Keys.ToDictionary(
            acronym => acronym,
            acronym => page.QuerySelectorAll($".report-compliance tbody tr[data-organization='{plan.OrganizationIds[acronym]}'] td.compliance-cell")
                .Select(c => (c.QuerySelector(".compliance-verdict")!.TextContent.Trim(), c.QuerySelector(".small")!.TextContent.Trim()))
                .ToList());

    public static string Heading(this IDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? "";
}
