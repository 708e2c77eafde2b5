using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Coordination.Bench;

/// <summary>The figures as the Markdown table of docs/benchmarks.md, with the machine they were measured on.</summary>
public static class Report
{
    public static string Markdown(BenchOptions options, IReadOnlyList<ProviderResult> results)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Machine: {Environment.ProcessorCount} cores (nproc), {CpuModel()}, {RuntimeInformation.OSDescription}, "
            + $"{RuntimeInformation.FrameworkDescription}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(options.WithoutMail ? "; the organizations' focal points deactivated (no assignment mails)" : "")}.");
        text.AppendLine();
        text.AppendLine("| database | measurement | action points × organizations | median | runs | ratio to the dry run |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            var dryRun = result[ImportBench.DryRun].Median;
            foreach (var measurement in result.Measurements)
            {
                var size = measurement.Name == ImportBench.SmallCommit ? options.SmallActionPoints : options.ActionPoints;
                text.AppendLine(invariant,
                    $"| {result.Provider} | {measurement.Name} | {size:N0} × {BenchPlan.Organizations.Length} | {measurement.Median.TotalSeconds:0.00} s | "
                    + $"{string.Join(" / ", measurement.Times.Select(t => t.TotalSeconds.ToString("0.00", invariant)))} | "
                    + $"{measurement.Median / dryRun:0.00} |");
            }

            var scaling = result[ImportBench.Commit].Median / result[ImportBench.SmallCommit].Median;
            text.AppendLine();
            text.AppendLine(invariant,
                $"{result.Provider}: {options.ActionPoints:N0} action points import in {scaling:0.0}× the time of {options.SmallActionPoints:N0} "
                + $"({(double)options.ActionPoints / options.SmallActionPoints:0}× the rows); "
                + $"{options.ActionPoints * BenchPlan.Organizations.Length / result[ImportBench.Commit].Median.TotalSeconds:N0} rows per second.");
            text.AppendLine();
        }

        return text.ToString();
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
