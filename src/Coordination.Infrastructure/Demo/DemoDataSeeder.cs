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

        await transaction.CommitAsync(cancellationToken);
        provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataSeeder))
            .LogInformation("Demo data created: {Organizations} organizations, {People} sign-ins", organizations.Count, DemoDirectory.People().Count());
        return true;
    }

    private static void Succeeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo sign-in {email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
