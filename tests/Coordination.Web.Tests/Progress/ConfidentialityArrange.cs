using Coordination.Domain.ActionPoints;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Progress;

/// <summary>
/// A forum (confidential or not) where INM and MIG-MEX each have an assignment of one action point: INM's has an
/// accepted update and a returned one with the secretariat's comment; MIG-MEX's has an update awaiting validation.
/// Every text is unique to the test, so a page or a JSON body can be searched for it.
/// </summary>
internal static class ConfidentialityArrange
{
    public sealed record Arranged(
        TestData.Plan Plan, Guid InmAssignmentId, Guid MexAssignmentId, Guid AcceptedId, Guid ReturnedId, Guid MexPendingId,
        string AcceptedNarrative, string ReturnedNarrative, string ReturnedObstacles, string ReturnComment, string MexPendingNarrative);

    public static async Task<Arranged> ArrangeAsync(this CoordinationApp app, bool confidential)
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], ["INM", "MIG-MEX"], requiresValidation: true);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var acceptedNarrative = $"Accepted glossary chapter {tag}.";
        var returnedNarrative = $"Returned draft narrative {tag}.";
        var returnedObstacles = $"Returned draft obstacles {tag}.";
        var returnComment = $"Secretariat return comment {tag}.";
        var mexPendingNarrative = $"Mexico pending narrative {tag}.";
        var now = DateTime.UtcNow;
        var reviewerId = Guid.NewGuid();

        // One step per save, as the app does it: each change goes through the projector on its own.
        async Task<Guid> StepAsync(Func<Assignment, ProgressUpdate?, ProgressUpdate?> step, Guid assignmentId, Guid? updateId = null) =>
            await app.WithDbAsync(async db =>
            {
                var assignment = await db.Assignments.SingleAsync(a => a.Id == assignmentId);
                var update = updateId is { } id ? await db.ProgressUpdates.SingleAsync(u => u.Id == id) : null;
                var created = step(assignment, update);
                if (created is not null)
                    db.ProgressUpdates.Add(created);
                await db.SaveChangesAsync();
                return created?.Id ?? update!.Id;
            });

        await app.WithDbAsync(async db =>
        {
            (await db.Forums.SingleAsync(f => f.Id == plan.ForumId)).SetConfidential(confidential);
            await db.SaveChangesAsync();
        });
        var inm = plan.AssignmentIds["INM"];
        var mex = plan.AssignmentIds["MIG-MEX"];
        var inmReporter = new Reporter(Guid.NewGuid(), "Focal point, INM", plan.OrganizationIds["INM"]);
        var mexReporter = new Reporter(Guid.NewGuid(), "Focal point, MIG-MEX", plan.OrganizationIds["MIG-MEX"]);

        var accepted = await StepAsync((a, _) => a.Report(Report(acceptedNarrative, 30), inmReporter, now.AddHours(-3), true), inm);
        await StepAsync((a, u) => { a.Accept(u!, reviewerId, "Secretariat officer", now.AddHours(-3).AddMinutes(5)); return null; }, inm, accepted);
        var returned = await StepAsync(
            (a, _) => a.Report(Report(returnedNarrative, 60, returnedObstacles), inmReporter, now.AddHours(-2), true), inm);
        await StepAsync((a, u) => { a.Return(u!, reviewerId, "Secretariat officer", returnComment, now.AddHours(-2).AddMinutes(5)); return null; }, inm, returned);
        var mexPending = await StepAsync((a, _) => a.Report(Report(mexPendingNarrative, 50), mexReporter, now.AddHours(-1), true), mex);

        return new Arranged(
            plan, inm, mex, accepted, returned, mexPending, acceptedNarrative, returnedNarrative, returnedObstacles, returnComment, mexPendingNarrative);
    }

    /// <summary>An API client signed in with a bearer token.</summary>
    public static async Task<HttpClient> ApiClientAsync(this CoordinationApp app, string email)
    {
        var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(email);
        return client;
    }

    private static ProgressReport Report(string narrative, int percent, string? obstacles = null) =>
        new(AssignmentStatus.InProgress, percent, narrative, obstacles, null, [], null, null);
}
