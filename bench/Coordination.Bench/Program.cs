namespace Coordination.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Coordination.Bench -- [--action-points 10000] [--small 1000] [--repetitions 3]</c>;
/// with <c>COORDINATION_BENCH_POSTGRES</c> set to the connection string of an empty database, the same on PostgreSQL.
/// Prints the Markdown table of docs/benchmarks.md. Not a top-level program: the app's own is <c>Program</c>.
/// </summary>
public static class BenchMain
{
    public static async Task Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        Console.Error.WriteLine($"Import benchmark: {options.ActionPoints:N0} and {options.SmallActionPoints:N0} action points × "
            + $"{BenchPlan.Organizations.Length} organizations, {options.Repetitions} repetitions after a warm-up.");

        var results = new List<ProviderResult> { await ImportBench.RunAsync("SQLite", connectionString: null, options) };
        if (Environment.GetEnvironmentVariable("COORDINATION_BENCH_POSTGRES") is { Length: > 0 } postgreSql)
            results.Add(await ImportBench.RunAsync("PostgreSQL", postgreSql, options));

        Console.WriteLine(Report.Markdown(options, results));
    }
}
