using Coordination.Application.Imports;
using Coordination.Domain.Imports;
using Coordination.Infrastructure.Jobs;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Imports.Runs;

/// <summary>Plan files and background runs as the import-run and upload-page tests need them.</summary>
internal static class ImportRunSupport
{
    /// <summary>
    /// A plan file of <paramref name="actionPoints"/> new action points under a new conclusion 2, each assigned to every
    /// one of <paramref name="organizations"/> (the first leads); codes start with <paramref name="prefix"/>.
    /// </summary>
    public static byte[] PlanCsv(string prefix, int actionPoints, params string[] organizations) =>
        PlanFileWriter.WriteCsv(PlanRows(prefix, actionPoints, organizations));

    public static List<PlanRow> PlanRows(string prefix, int actionPoints, params string[] organizations)
    {
        var rows = new List<PlanRow>();
        for (var i = 1; i <= actionPoints; i++)
        {
            foreach (var (organization, index) in organizations.Select((o, n) => (o, n)))
            {
                rows.Add(new PlanRow(rows.Count + 2,
                [
                    "2", "Share migration statistics between national offices.", "Data exchange", "1;17", "10.7",
                    $"{prefix}-{i:D5}", $"Publish data inventory {i}", "", "High", "2026-01-15", "2026-12-31", "", "", "",
                    organization, "", index == 0 ? "Lead" : "Supporting", "",
                ]));
            }
        }

        return rows;
    }

    /// <summary>The same file with one cell replaced in the rows given (spreadsheet row numbers).</summary>
    public static byte[] WithCells(IReadOnlyList<PlanRow> rows, PlanColumn column, string value, params int[] rowNumbers) =>
        PlanFileWriter.WriteCsv(rows.Select(r => rowNumbers.Contains(r.RowNumber)
            ? new PlanRow(r.RowNumber, [.. r.Cells.Select((c, i) => i == column.Index ? value : c)])
            : r));

    public static string Prefix() => "IR" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    public static Task<Guid> UserIdAsync(this CoordinationApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A run stored as a large import stores it (the file's rows counted), started by <paramref name="email"/>.</summary>
    public static Task<Guid> QueueRunAsync(this CoordinationApp app, Guid forumId, byte[] content, int rows, string email = TestPeople.Secretariat) =>
        app.AddRunAsync(email, starter => ImportRun.Queue(forumId, starter, "plan.csv", content, rows, DateTime.UtcNow));

    /// <summary>A file checked without errors at <paramref name="checkedAt"/> and kept for <paramref name="email"/> to import.</summary>
    public static Task<Guid> CheckedRunAsync(this CoordinationApp app, Guid forumId, byte[] content, DateTime checkedAt, string email = TestPeople.Secretariat) =>
        app.AddRunAsync(email, checker => ImportRun.Check(forumId, checker, "plan.csv", content, 1, "{}", checkedAt));

    private static async Task<Guid> AddRunAsync(this CoordinationApp app, string email, Func<Guid, ImportRun> make)
    {
        var person = await app.UserIdAsync(email);
        return await app.WithDbAsync(async db =>
        {
            var run = make(person);
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
    }

    /// <summary>The job Hangfire runs for a queued run (no job server in the tests), in a scope of its own.</summary>
    public static Task RunJobAsync(this CoordinationApp app, Guid runId) =>
        app.WithScopeAsync<object?>(async services =>
        {
            await ActivatorUtilities.CreateInstance<ImportRunJob>(services).RunAsync(runId, CancellationToken.None);
            return null;
        });

    public static Task SweepAsync(this CoordinationApp app) =>
        app.WithScopeAsync<object?>(async services =>
        {
            await ActivatorUtilities.CreateInstance<ImportRunJob>(services).SweepAsync(CancellationToken.None);
            return null;
        });

    public static Task<ImportRun> RunAsync(this CoordinationApp app, Guid runId) =>
        app.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    public static Task<int> ActionPointCountAsync(this CoordinationApp app, Guid forumId, string prefix) =>
        app.WithDbAsync(db => db.ActionPoints.CountAsync(a => a.ForumId == forumId && a.Code.StartsWith(prefix)));
}
