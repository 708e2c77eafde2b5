using System.Globalization;

namespace Coordination.Application.Imports;

/// <summary>
/// Formula neutralisation, both ways. A spreadsheet program runs a cell starting with <c>= + - @</c> (or a tab or
/// carriage return) as a formula, so the export writes such text after the text marker <c>'</c>, and the import
/// removes one leading <c>'</c> and keeps the rest as plain text. A formula-looking cell without the marker is refused,
/// never stored. Plain numbers such as <c>-5</c> are not formulas and pass as they are.
/// </summary>
public static class PlanCell
{
    public const char TextMarker = '\'';

    public const string FormulaRefused = "Formulas are not accepted: remove the leading = + - or @, or start the cell with ' to keep it as text.";

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The cell as written to a file: a formula-looking text (or one starting with the marker) gets the marker.</summary>
    public static string ForFile(string value) =>
        value.Length > 0 && (value[0] == TextMarker || LooksLikeFormula(value)) ? TextMarker + value : value;

    /// <summary>The value of a cell read from a file, or null with <paramref name="error"/> set when it is refused.</summary>
    public static string? FromFile(string? raw, out string? error)
    {
        error = null;
        raw ??= "";
        if (raw.Length > 0 && raw[0] is '\t' or '\r')
        {
            error = FormulaRefused;
            return null;
        }

        var trimmed = raw.Trim();
        if (trimmed.Length > 0 && trimmed[0] == TextMarker)
            return trimmed[1..].Trim();
        if (LooksLikeFormula(trimmed))
        {
            error = FormulaRefused;
            return null;
        }

        return trimmed;
    }

    private static bool LooksLikeFormula(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0])
        && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
