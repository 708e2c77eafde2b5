using System.Globalization;
using System.Text;
using Coordination.Domain.ActionPoints;

namespace Coordination.Application.Reports;

/// <summary>
/// The regional status as CSV: one line overall and one per breakdown item, with the JSON's figures. UTF-8 with a BOM
/// (so Excel reads accents right), RFC 4180 quoting, CRLF line ends, and text cells that a spreadsheet would take for a
/// formula neutralised with a leading apostrophe.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string Overall = "overall";
    public const string ByCountry = "byCountry";
    public const string ByOrganization = "byOrganization";
    public const string ByTheme = "byTheme";
    public const string ByGcmObjective = "byGcmObjective";
    public const string BySdgTarget = "bySdgTarget";

    public static readonly IReadOnlyList<string> Header =
    [
        "breakdown", "key", "label", "assignments",
        .. Enum.GetNames<AssignmentStatus>().Select(s => char.ToLowerInvariant(s[0]) + s[1..]),
        "percentComplete", "overdue", "atRisk",
    ];

    public static byte[] Write(RegionalStatusDto status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var csv = new StringBuilder();
        Line(csv, Header);
        var overall = status.Overall;
        Line(csv, Figures(Overall, "", status.ForumTitle, overall.Assignments, overall.ByStatus, overall.PercentComplete, overall.Overdue, overall.AtRisk));
        foreach (var (breakdown, items) in Breakdowns(status))
        {
            foreach (var i in items)
                Line(csv, Figures(breakdown, i.Key, i.Label, i.Assignments, i.ByStatus, i.PercentComplete, i.Overdue, i.AtRisk));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static IEnumerable<(string Breakdown, IReadOnlyList<ReportBreakdownItemDto> Items)> Breakdowns(RegionalStatusDto status)
    {
        ArgumentNullException.ThrowIfNull(status);
        yield return (ByCountry, status.ByCountry);
        yield return (ByOrganization, status.ByOrganization);
        yield return (ByTheme, status.ByTheme);
        yield return (ByGcmObjective, status.ByGcmObjective);
        yield return (BySdgTarget, status.BySdgTarget);
    }

    /// <summary>
    /// One cell: text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
    /// leading apostrophe; then quoted when it holds a comma, a quote or a line break, quotes doubled.
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static IEnumerable<string> Figures(
        string breakdown, string key, string label, int assignments, IReadOnlyDictionary<AssignmentStatus, int> byStatus,
        double percentComplete, int overdue, int atRisk) =>
    [
        breakdown, key, label, Number(assignments),
        .. Enum.GetValues<AssignmentStatus>().Select(s => Number(byStatus.GetValueOrDefault(s))),
        percentComplete.ToString("0.0", CultureInfo.InvariantCulture), Number(overdue), Number(atRisk),
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
}
