using Coordination.Infrastructure;
using Coordination.Infrastructure.Demo;
using Coordination.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Setup;

internal static class StartupTasks
{
    /// <summary>Migrate (unless turned off), fill an empty database in demo mode, and say where to go once listening.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
            await DatabaseMigrator.MigrateAsync(app.Services);

        var coordination = app.Services.GetRequiredService<IOptions<CoordinationOptions>>().Value;
        if (coordination.DemoData)
            await DemoDataSeeder.SeedAsync(app.Services);

        app.Lifetime.ApplicationStarted.Register(() => Announce(app, coordination));
    }

    private static void Announce(WebApplication app, CoordinationOptions coordination)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "Coordination is running." };
        lines.AddRange(addresses.Select(address => $"  Open {address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)}"));
        lines.Add($"  Data directory: {coordination.DataDirectoryFullPath}");
        if (coordination.DemoData)
        {
            lines.Add($"  Demo sign-ins (password {DemoDirectory.Password}):");
            lines.AddRange(DemoDirectory.People().Where(p => p.Featured).Select(p => $"    {p.Email,-28} {p.Role}, {p.OrganizationAcronym}"));
            lines.Add("    and a focal point for every other organization: focal.<acronym>@example.org (e.g. focal.one@example.org)");
        }

        lines.Add("");
        // Straight to the console, whatever the log level: this is what a person running `dotnet run` needs.
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
