using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (from npm, this project's node_modules) on the page as it stands and fails on every serious or
/// critical violation, naming the rule, what it asks for and the elements that break it.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(LoadScript);

    public static async Task ShouldHaveNoSeriousViolationsAsync(this IPage page)
    {
        // Evaluated through the DevTools protocol rather than added as a <script> element: the app's CSP forbids
        // inline script, and this way the page keeps its real CSP (no BypassCSP), so axe sees what a person sees.
        await page.EvaluateAsync(Script.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
                const results = await axe.run(document, { resultTypes: ['violations'] });
                return results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({
                        id: v.id,
                        impact: v.impact,
                        help: v.help,
                        nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary || '' })),
                    }));
            }
            """);

        if (violations.GetArrayLength() == 0)
            return;

        var report = new StringBuilder($"axe found serious or critical violations on {page.Url}:");
        foreach (var violation in violations.EnumerateArray())
        {
            report.Append($"\n- {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("help").GetString()}");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
                report.Append($"\n    {node.GetProperty("target").GetString()} — {node.GetProperty("summary").GetString()?.ReplaceLineEndings(" ")}");
        }

        throw new Xunit.Sdk.XunitException(report.ToString());
    }

    private static string LoadScript()
    {
        var projectDirectory = typeof(Axe).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory").Value!;
        var path = Path.Combine(projectDirectory, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing: run `npm ci --prefix tests/Coordination.Browser.Tests` (./test.sh does that when node_modules is absent).");
        }

        return File.ReadAllText(path);
    }
}
