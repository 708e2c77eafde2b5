using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Coordination.Web.Reports.Charts;

/// <summary>One bar: its label (a country, a status…), its value, the value as the reader reads it, and a CSS class for its colour.</summary>
/// <param name="CssClass">e.g. <c>status-InProgress</c>; site.css gives the fill, so no inline style is needed under the CSP.</param>
public sealed record ChartBar(string Label, double Value, string ValueText, string? CssClass = null);

/// <summary>One point of a line: its label on the horizontal axis and its value.</summary>
public sealed record ChartPoint(string Label, double Value, string ValueText);

/// <summary>
/// Server-rendered SVG charts, no chart library and no script: an <c>&lt;svg role="img"&gt;</c> with a
/// <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c> that say what it shows (the page puts the data table beside it). Every bar
/// carries its label and value as text, so a status is never told by its colour alone. Colours come from classes of
/// site.css; sizes are presentation attributes, which the CSP allows, unlike inline style attributes.
/// </summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const int RowHeight = 28;
    private const int BarHeight = 18;
    private const int LabelWidth = 230;
    private const int ValueWidth = 100;
    private const int LabelMaxChars = 30;

    /// <summary>Horizontal bars from 0 to <paramref name="max"/> (e.g. 100 for percents, or the largest count).</summary>
    public static IHtmlContent HorizontalBars(string id, string title, string description, IReadOnlyList<ChartBar> bars, double max)
    {
        var scale = max > 0 ? max : 1;
        var plotWidth = Width - LabelWidth - ValueWidth;
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var svg = Open(id, title, description, Width, height, "chart chart-bars");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 4 + i * RowHeight;
            var length = Math.Max(0, Math.Min(1, bar.Value / scale)) * plotWidth;
            var middle = y + RowHeight / 2;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-label\" x=\"{LabelWidth - 8}\" y=\"{middle}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Text(Shorten(bar.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"chart-track\" x=\"{LabelWidth}\" y=\"{y + (RowHeight - BarHeight) / 2}\" width=\"{plotWidth}\" height=\"{BarHeight}\" fill=\"#f1f3f5\"/>");
            if (length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"chart-bar {Text(bar.CssClass ?? "chart-bar-default")}\" x=\"{LabelWidth}\" y=\"{y + (RowHeight - BarHeight) / 2}\" width=\"{Number(length)}\" height=\"{BarHeight}\" fill=\"#0b5ed7\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-value\" x=\"{LabelWidth + plotWidth + 6}\" y=\"{middle}\" dominant-baseline=\"middle\">{Text(bar.ValueText)}</text>");
        }

        return Close(svg);
    }

    /// <summary>A line over the points, from 0 to <paramref name="max"/>, each point labelled with its value.</summary>
    public static IHtmlContent Line(string id, string title, string description, IReadOnlyList<ChartPoint> points, double max)
    {
        const int height = 260;
        const int left = 48;
        const int right = 24;
        const int top = 20;
        const int bottom = 48;
        var scale = max > 0 ? max : 1;
        var plotWidth = Width - left - right;
        var plotHeight = height - top - bottom;
        var svg = Open(id, title, description, Width, height, "chart chart-line");

        // Horizontal grid lines at 0, 25, 50, 75 and 100 % of the scale, labelled on the left.
        for (var step = 0; step <= 4; step++)
        {
            var y = top + plotHeight - step * plotHeight / 4.0;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"chart-grid\" x1=\"{left}\" x2=\"{left + plotWidth}\" y1=\"{Number(y)}\" y2=\"{Number(y)}\" stroke=\"#dee2e6\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-axis\" x=\"{left - 6}\" y=\"{Number(y)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Text((scale * step / 4).ToString("N0", CultureInfo.CurrentCulture))}</text>");
        }

        var positions = points
            .Select((p, i) => (
                Point: p,
                X: left + (points.Count == 1 ? plotWidth / 2.0 : i * plotWidth / (double)(points.Count - 1)),
                Y: top + plotHeight - Math.Max(0, Math.Min(1, p.Value / scale)) * plotHeight))
            .ToList();
        if (positions.Count > 1)
        {
            var path = string.Join(" ", positions.Select(p => $"{Number(p.X)},{Number(p.Y)}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"chart-series\" points=\"{path}\" fill=\"none\" stroke=\"#0b5ed7\" stroke-width=\"3\"/>");
        }

        foreach (var (point, x, y) in positions)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"chart-point\" cx=\"{Number(x)}\" cy=\"{Number(y)}\" r=\"5\" fill=\"#0b5ed7\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-value\" x=\"{Number(x)}\" y=\"{Number(y - 10)}\" text-anchor=\"middle\">{Text(point.ValueText)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-axis\" x=\"{Number(x)}\" y=\"{height - bottom + 20}\" text-anchor=\"middle\">{Text(Shorten(point.Label, 18))}</text>");
        }

        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, string description, int width, int height, string css)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"{css}\" id=\"{Text(id)}\" role=\"img\" aria-labelledby=\"{Text(id)}-title {Text(id)}-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Text(id)}-title\">{Text(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Text(id)}-desc\">{Text(description)}</desc>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    // Everything that came from data (organization names, themes) is encoded: it is text, never markup.
    private static string Text(string value) => HtmlEncoder.Default.Encode(value);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Shorten(string label, int max = LabelMaxChars) =>
        label.Length <= max ? label : string.Concat(label.AsSpan(0, max - 1), "…");
}
