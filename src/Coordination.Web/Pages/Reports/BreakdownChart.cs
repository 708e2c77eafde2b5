using Coordination.Application.Reports;

namespace Coordination.Web.Pages.Reports;

/// <summary>
/// A breakdown of the regional status shown as a section: a bar chart of the average progress and the data table
/// with every figure beside it.
/// </summary>
/// <param name="Id">Unique on the page: names the section, the chart and the table.</param>
/// <param name="Link">The address a row's label opens (e.g. the organization's scorecard), or none.</param>
/// <param name="Chart">False for a table alone (organizations are too many for a readable chart).</param>
public sealed record BreakdownChart(
    string Id, string Title, string Heading, IReadOnlyList<ReportBreakdownItemDto> Items, Func<string, string>? Link, bool Chart = true);
