using System.Diagnostics;
using Coordination.Application.Imports;
using Coordination.Domain.Forums;
using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Bench;

public sealed record Measurement(string Name, IReadOnlyList<TimeSpan> Times)
{
    public TimeSpan Median
    {
        get
        {
            var sorted = Times.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}

public sealed record ProviderResult(string Provider, IReadOnlyList<Measurement> Measurements)
{
    public Measurement this[string name] => Measurements.Single(m => m.Name == name);
}

/// <summary>
/// Each measurement is one <see cref="ImportActionPointsCommand"/> sent through the app's real pipeline (validation,
/// authorization, one transaction; the file read, every row checked, the rows written with their audit entries, the
/// status projection and the assignment mails in the outbox), timed with a stopwatch, after a warm-up, as the median
/// of the repetitions. Every commit goes into a new empty forum, so each one creates the whole plan.
/// </summary>
public static class ImportBench
{
    public const string DryRun = "dry run (check only)";
    public const string Commit = "import (create everything)";
    public const string Reimport = "same file again (no change)";
    public const string SmallCommit = "import, small file";

    public static async Task<ProviderResult> RunAsync(string provider, string? connectionString, BenchOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("coordination-bench-");
        try
        {
            await using var app = new BenchApp(directory.FullName, connectionString);
            var large = BenchPlan.Csv(options.ActionPoints);
            var small = BenchPlan.Csv(options.SmallActionPoints);
            var expectedLarge = options.ActionPoints * BenchPlan.Organizations.Length;

            if (options.WithoutMail)
                await app.DeactivateFocalPointsAsync();
            Console.Error.WriteLine($"[{provider}] warm-up");
            var smallRows = options.SmallActionPoints * BenchPlan.Organizations.Length;
            var warmUp = await app.NewForumAsync();
            await app.ImportAsync(warmUp, small, dryRun: true, smallRows);
            await app.ImportAsync(warmUp, small, dryRun: false, smallRows);

            var times = new Dictionary<string, List<TimeSpan>> { [DryRun] = [], [Commit] = [], [Reimport] = [], [SmallCommit] = [] };
            for (var repetition = 1; repetition <= options.Repetitions; repetition++)
            {
                var forum = await app.NewForumAsync();
                times[DryRun].Add(await app.ImportAsync(forum, large, dryRun: true, expectedLarge));
                times[Commit].Add(await app.ImportAsync(forum, large, dryRun: false, expectedLarge, mustCreate: options.ActionPoints));
                times[Reimport].Add(await app.ImportAsync(forum, large, dryRun: false, expectedLarge, mustCreate: 0));
                var smallForum = await app.NewForumAsync();
                times[SmallCommit].Add(await app.ImportAsync(smallForum, small, dryRun: false, smallRows, mustCreate: options.SmallActionPoints));
                Console.Error.WriteLine($"[{provider}] repetition {repetition}: "
                    + string.Join(", ", times.Select(t => $"{t.Key} {t.Value[^1].TotalSeconds:0.00} s")));
            }

            return new ProviderResult(provider, [.. times.Select(t => new Measurement(t.Key, t.Value))]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private sealed class BenchApp : WebApplicationFactory<Program>
    {
        private readonly string _dataDirectory;
        private readonly string? _postgreSql;

        public BenchApp(string dataDirectory, string? postgreSql)
        {
            _dataDirectory = dataDirectory;
            _postgreSql = postgreSql;
            // The factory finds a test project's content root by attributes a console project does not get: name it.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COORDINATION_WEB", Path.Combine(SolutionDirectory(), "src", "Coordination.Web"));
        }

        private static string SolutionDirectory()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Coordination.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Coordination.sln not found above the benchmark's folder.");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("Coordination:DataDirectory", _dataDirectory);
            builder.UseSetting("Coordination:DemoData", "true");
            builder.UseSetting("Coordination:PublicBaseUrl", "https://coordination.example.org");
            builder.UseSetting("Database:Provider", _postgreSql is null ? "Sqlite" : "PostgreSql");
            builder.UseSetting("ConnectionStrings:Coordination", _postgreSql ?? "");
            builder.UseSetting("Hangfire:ServerEnabled", "false");
            builder.UseSetting("Hangfire:Storage", "InMemory");
            builder.UseSetting("Imports:MaxFileBytes", (512L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        public async Task DeactivateFocalPointsAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoordinationDbContext>();
            var organizations = await db.Organizations.Where(o => BenchPlan.Organizations.Contains(o.Acronym)).Select(o => o.Id).ToListAsync();
            await db.Users.Where(u => organizations.Contains(u.OrganizationId)).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        /// <summary>A new empty forum whose participants are the nine organizations.</summary>
        public async Task<Guid> NewForumAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoordinationDbContext>();
            var organizations = await db.Organizations.Where(o => BenchPlan.Organizations.Contains(o.Acronym)).Select(o => o.Id).ToListAsync();
            if (organizations.Count != BenchPlan.Organizations.Length)
                throw new InvalidOperationException("The demo organizations are missing.");
            var forum = Forum.Create($"Benchmark forum {Guid.NewGuid():N}", "Santo Domingo", new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 12),
                null, requiresValidation: false, organizations);
            db.Forums.Add(forum);
            await db.SaveChangesAsync();
            return forum.Id;
        }

        /// <summary>One import, timed from the command's send to its commit; its report is checked, so no figure hides a failure.</summary>
        public async Task<TimeSpan> ImportAsync(Guid forumId, byte[] file, bool dryRun, int expectedRows, int? mustCreate = null)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await using var scope = Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<SystemActor>().Activate(); // the secretariat's rights, as the job has
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var watch = Stopwatch.StartNew();
            var report = await sender.Send(new ImportActionPointsCommand(forumId, "plan.csv", file, dryRun));
            watch.Stop();
            if (report.HasErrors || report.Rows != expectedRows || (mustCreate is { } created && report.ActionPointsCreated != created))
            {
                throw new InvalidOperationException(
                    $"Unexpected report: {report.Rows} rows, {report.ActionPointsCreated} action points created, {report.Errors.Count} errors "
                    + $"(first: {report.Errors.FirstOrDefault()}).");
            }

            return watch.Elapsed;
        }
    }
}
