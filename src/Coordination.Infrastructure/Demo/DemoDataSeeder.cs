using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Persistence;
using Coordination.Infrastructure.Persistence.Interceptors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Infrastructure.Demo;

/// <summary>Fills an empty database with the demo forum's organizations and sign-ins; does nothing otherwise.</summary>
public static class DemoDataSeeder
{
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<CoordinationDbContext>();
        if (await db.Organizations.AnyAsync(cancellationToken))
            return false;

        provider.GetRequiredService<AuditContext>().Action = "SeedDemoData";
        var clock = provider.GetRequiredService<TimeProvider>();
        var users = provider.GetRequiredService<UserManager<ApplicationUser>>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organizations = DemoDirectory.Organizations()
            .ToDictionary(o => o.Acronym, o => Organization.Create(o.Name, o.Acronym, o.Kind, o.CountryCode));
        db.Organizations.AddRange(organizations.Values);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var person in DemoDirectory.People())
        {
            var user = ApplicationUser.Create(
                person.Email, person.DisplayName, organizations[person.OrganizationAcronym].Id, person.Language,
                clock.GetUtcNow().UtcDateTime);
            user.EmailConfirmed = true;
            Succeeded(await users.CreateAsync(user, DemoDirectory.Password), person.Email);
            Succeeded(await users.AddToRoleAsync(user, person.Role), person.Email);
        }

        await SeedForumAsync(db, organizations, now: clock.GetUtcNow().UtcDateTime, cancellationToken);
        // The seeded history is the past: nobody should be mailed about it now.
        await db.OutboxMessages.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataSeeder))
            .LogInformation("Demo data created: {Organizations} organizations, {People} sign-ins, the forum of Santo Domingo 2022 with its review cycles", organizations.Count, DemoDirectory.People().Count());
        return true;
    }

    /// <summary>
    /// The forum, its conclusions and action points, the assignments, what was reported on them, and the forum's review
    /// cycles: the history is applied in time order, so the closed cycle's snapshot freezes what was true when it closed.
    /// </summary>
    private static async Task SeedForumAsync(
        CoordinationDbContext db, Dictionary<string, Organization> organizations, DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        var people = await db.Users.ToListAsync(cancellationToken);
        var secretariat = people.Single(p => p.Email == "secretariat@example.org");
        var focalPoints = people.Where(p => p.Email != secretariat.Email).GroupBy(p => p.OrganizationId).ToDictionary(g => g.Key, g => g.First());

        var forum = DemoForum.Create(organizations.Values.Select(o => o.Id));
        db.Forums.Add(forum);
        var conclusions = DemoForum.Conclusions.ToDictionary(
            c => c.Number, c => Conclusion.Create(forum.Id, c.Number, c.Text, c.Theme, c.GcmObjectives, c.SdgTargets));
        db.Conclusions.AddRange(conclusions.Values);

        var reporting = new List<DemoReporting>();
        foreach (var plan in DemoForum.ActionPoints)
        {
            var actionPoint = ActionPoint.Create(
                forum.Id, conclusions[plan.Conclusion].Id, plan.Code, plan.Title, null, plan.Priority,
                today.AddMonths(plan.StartMonths), today.AddMonths(plan.DueMonths),
                plan.Indicator is { } i ? Indicator.From(i.Baseline, i.Target, i.Unit) : null);
            db.ActionPoints.Add(actionPoint);
            var owners = plan.Leads.SelectMany(Expand).Select(o => (o, AssignmentRole.Lead))
                .Concat(plan.Supporting.SelectMany(Expand).Select(o => (o, AssignmentRole.Supporting)));
            foreach (var (organization, role) in owners)
            {
                var assignment = Assignment.Create(actionPoint, organization.Id, role, null);
                db.Assignments.Add(assignment);
                var steps = DemoHistory.For(plan.Code, organization.Acronym, organization.CountryCode)
                    .Select(step => (step, step.MonthsAgo == 0 ? now.AddDays(-3) : now.AddMonths(-step.MonthsAgo)));
                reporting.Add(new DemoReporting(assignment, organization.Acronym, focalPoints.GetValueOrDefault(organization.Id) ?? secretariat, steps));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var reviews = new DemoReviews(forum.Id, now);
        forum.SetReviewSchedule(reviews.Schedule);
        db.ReviewCycles.AddRange(reviews.LastQuarter, reviews.ThisQuarter, reviews.NextQuarter);
        // This quarter, every organization reports on what it still has to do, except the three that have not yet.
        var order = 0;
        foreach (var history in reporting.Where(r => !DemoReviews.NotReporting.Contains(r.Acronym) && !r.ReportsSince(reviews.ThisQuarterOpenedAt)))
        {
            var (status, percent) = history.Final;
            if (status != AssignmentStatus.Completed)
                history.Add(DemoHistory.ReviewReport(status, percent), now.AddDays(-2 - (order++ % 5)).AddHours(-1));
        }

        // Last quarter: opened, reported in, closed with its snapshot of that day (the freezer reads what was saved).
        reviews.LastQuarter.Open(reviews.LastQuarterOpenedAt);
        ApplyUntil(reviews.LastQuarterClosedAt);
        await db.SaveChangesAsync(cancellationToken);
        reviews.LastQuarter.Close(reviews.LastQuarterClosedAt);
        await db.SaveChangesAsync(cancellationToken);

        // Since then, and this quarter's cycle, open.
        reviews.ThisQuarter.Open(reviews.ThisQuarterOpenedAt);
        ApplyUntil(DateTime.MaxValue);
        await db.SaveChangesAsync(cancellationToken);

        void ApplyUntil(DateTime moment)
        {
            foreach (var history in reporting)
                history.ApplyUntil(moment, db, secretariat, forum.RequiresValidation, reviews.CycleAt);
        }

        // "NSO" and "MIG" stand for every member state's statistics office or migration institution.
        IEnumerable<Organization> Expand(string owner) => owner switch
        {
            "NSO" => DemoDirectory.MemberStates.Select(m => organizations[m.Code == "DOM" ? "ONE" : $"NSO-{m.Code}"]),
            "MIG" => DemoDirectory.MemberStates.Select(m => organizations[m.Code == "DOM" ? "INM" : $"MIG-{m.Code}"]),
            _ => [organizations[owner]],
        };
    }

    private static void Succeeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo sign-in {email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
