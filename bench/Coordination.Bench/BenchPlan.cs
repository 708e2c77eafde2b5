using Coordination.Application.Imports;

namespace Coordination.Bench;

/// <summary>The plan files timed: new action points under three conclusions, each assigned to nine organizations.</summary>
public static class BenchPlan
{
    /// <summary>Member-state institutions of the demo data: each action point is assigned to all nine (the first leads).</summary>
    public static readonly string[] Organizations = ["INM", "ONE", "MIG-MEX", "NSO-MEX", "MIG-BLZ", "NSO-BLZ", "MIG-GTM", "NSO-GTM", "MIG-SLV"];

    public static byte[] Csv(int actionPoints)
    {
        var rows = new List<PlanRow>(actionPoints * Organizations.Length);
        for (var i = 1; i <= actionPoints; i++)
        {
            var conclusion = 1 + (i % 3);
            foreach (var (organization, index) in Organizations.Select((o, n) => (o, n)))
            {
                rows.Add(new PlanRow(rows.Count + 2,
                [
                    conclusion.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Conclusion {conclusion} of the benchmark forum.",
                    "Data exchange", "1;17", "10.7;17.18", $"B-{i:D6}", $"Publish data inventory {i}",
                    "An inventory of the sources each country publishes.", "High", "2026-01-15", "2026-12-31", "0", "9", "countries",
                    organization, "", index == 0 ? "Lead" : "Supporting", "",
                ]));
            }
        }

        return PlanFileWriter.WriteCsv(rows);
    }
}
