using System.Linq.Expressions;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Notifications;
using Coordination.Domain.Organizations;
using Coordination.Domain.ReviewCycles;
using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Jobs;
using Coordination.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Notifications;

/// <summary>
/// The real app without demo data (so nobody but a test's own people receives anything), with a recording mail
/// transport, a clock the tests move forward, and a configured public address for the links.
/// </summary>
public abstract class NotificationsApp(DatabaseKind kind) : TestHost<FakeEmailTransport>(kind, demoData: false)
{
    public async Task<Guid> NewOrganizationAsync() =>
        await WithDbAsync(async db =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var organization = Organization.Create($"Institute {suffix}", $"N{suffix}", OrganizationKind.MemberStateInstitution, "DOM");
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });

    public Task<string> AcronymAsync(Guid organizationId) =>
        WithDbAsync(db => db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Acronym).SingleAsync());

    /// <summary>A person of the test's own, in the language their mails are to be written in.</summary>
    public Task<ApplicationUser> NewPersonAsync(string role, Guid organizationId, string language = "en", bool active = true) =>
        WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = ApplicationUser.Create(
                $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.example.org", $"Test {role} {language}", organizationId, language, DateTime.UtcNow);
            user.IsActive = active;
            (await users.CreateAsync(user, TestPeople.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            return user;
        });

    /// <summary>A forum with one action point assigned to each organization, due on <paramref name="due"/>.</summary>
    public async Task<TestData.Plan> NewPlanAsync(Guid[] organizationIds, DateOnly due, bool requiresValidation = true)
    {
        var acronyms = new List<string>();
        foreach (var id in organizationIds)
            acronyms.Add(await AcronymAsync(id));
        return await this.CreatePlanAsync([.. acronyms], [.. acronyms], requiresValidation, startDate: Today.AddDays(-60), dueDate: due);
    }

    /// <summary>A review cycle made by hand and opened now, as the secretariat would.</summary>
    public Task<Guid> OpenCycleAsync(Guid forumId, DateOnly opensOn, DateOnly deadline) =>
        WithDbAsync(async db =>
        {
            var cycle = ReviewCycle.Create(forumId, $"Review {deadline:yyyy-MM-dd}", opensOn, deadline, null, fromSchedule: false);
            cycle.Open(Clock.GetUtcNow().UtcDateTime);
            db.ReviewCycles.Add(cycle);
            await db.SaveChangesAsync();
            return cycle.Id;
        });

    /// <summary>Reports on the assignment through the domain, as of the clock's now (optionally for a cycle).</summary>
    public Task<Guid> ReportAsync(Guid assignmentId, Guid? reviewCycleId = null, AssignmentStatus status = AssignmentStatus.InProgress, int percent = 40, Guid? reporterId = null) =>
        WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.SingleAsync(a => a.Id == assignmentId);
            var requiresValidation = await db.ActionPoints.Where(p => p.Id == assignment.ActionPointId)
                .Join(db.Forums, p => p.ForumId, f => f.Id, (_, f) => f.RequiresValidation).SingleAsync();
            var report = new ProgressReport(
                status, percent, "The national working group met and drafted the chapter on definitions, as agreed at the forum.",
                null, null, status == AssignmentStatus.Completed ? ["https://example.org/evidence"] : [], null, reviewCycleId);
            var update = assignment.Report(
                report, new Reporter(reporterId ?? Guid.NewGuid(), "Focal point", assignment.OrganizationId), Clock.GetUtcNow().UtcDateTime, requiresValidation);
            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync();
            return update.Id;
        });

    /// <summary>Reviews an update through the domain as an unnamed member of the secretariat.</summary>
    public Task ReviewAsync(Guid updateId, bool accept, string comment = "Please attach the evidence.") =>
        WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.SingleAsync(u => u.Id == updateId);
            var assignment = await db.Assignments.SingleAsync(a => a.Id == update.AssignmentId);
            if (accept)
                assignment.Accept(update, Guid.NewGuid(), "Secretariat", Clock.GetUtcNow().UtcDateTime);
            else
                assignment.Return(update, Guid.NewGuid(), "Secretariat", comment, Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

    public Task<List<OutboxMessage>> MailsAsync(Expression<Func<OutboxMessage, bool>> which) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(which).OrderBy(m => m.DeduplicationKey).ToListAsync());

    public long EnqueuedDispatcherRuns() =>
        Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Count(job => job.Value.Job?.Type == typeof(OutboxDispatcherJob));

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = CreateApiClient();
        await client.SignInWithTokenAsync(email, TestPeople.Password);
        return client;
    }
}

public sealed class SqliteNotificationsApp() : NotificationsApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlNotificationsApp() : NotificationsApp(DatabaseKind.PostgreSql);
