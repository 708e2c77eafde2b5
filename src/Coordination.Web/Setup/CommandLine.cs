using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.Organizations;
using Coordination.Application.People;
using Coordination.Domain.Organizations;
using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Setup;

/// <summary>
/// The app's administrative commands, for production where demo data is off:
/// <c>migrate</c> applies the migrations and exits; <c>invite-secretariat EMAIL ["ORGANIZATION NAME" ACRONYM]</c>
/// creates the secretariat's organization if there is none and mails the first person their invitation.
/// </summary>
internal static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "invite-secretariat";

    public static async Task<int> RunAsync(WebApplication app, string[] commandLine)
    {
        // Configuration switches (--Key=value) are read by the host; the rest are the command's own arguments.
        var args = commandLine.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        await DatabaseMigrator.MigrateAsync(app.Services);
        if (args[0] == "migrate")
        {
            app.Logger.LogInformation("The database is up to date.");
            return 0;
        }

        if (args.Length < 2)
        {
            Console.Error.WriteLine("Usage: invite-secretariat EMAIL [\"ORGANIZATION NAME\" ACRONYM]");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SystemActor>().Activate();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = scope.ServiceProvider.GetRequiredService<CoordinationDbContext>();
        var secretariatId = await db.Organizations.Where(o => o.Kind == OrganizationKind.Secretariat).Select(o => (Guid?)o.Id).FirstOrDefaultAsync()
            ?? (await sender.Send(new CreateOrganizationCommand(
                args.Length > 2 ? args[2] : "Forum secretariat", args.Length > 3 ? args[3] : "SEC", OrganizationKind.Secretariat, null))).Id;

        var invitation = await sender.Send(new InvitePersonCommand(secretariatId, args[1], Roles.Secretariat));
        await sender.Send(new DispatchOutboxRequest());
        Console.WriteLine($"Invitation sent to {invitation.Email}; the link in the mail works until {invitation.ExpiresAt:u}.");
        return 0;
    }
}
