using System.Text;
using MiniExcelLibs;

namespace Coordination.Application.Imports;

/// <summary>Writes plan rows in the import format: CSV as UTF-8 with BOM (Excel then reads accents right), or XLSX.</summary>
public static class PlanFileWriter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string ContentType(PlanFileType type) => type == PlanFileType.Xlsx ? XlsxContentType : CsvContentType;

    public static string Extension(PlanFileType type) => type == PlanFileType.Xlsx ? ".xlsx" : ".csv";

    public static byte[] Write(PlanFileType type, IEnumerable<PlanRow> rows) =>
        type == PlanFileType.Xlsx ? WriteXlsx(rows) : WriteCsv(rows);

    public static byte[] WriteCsv(IEnumerable<PlanRow> rows)
    {
        var text = new StringBuilder();
        AppendLine(text, PlanFormat.Header);
        foreach (var row in rows)
            AppendLine(text, row.Cells.Select(PlanCell.ForFile));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] WriteXlsx(IEnumerable<PlanRow> rows)
    {
        // Every cell is written as text so codes like 10.7 or 1;17 are never turned into numbers or dates.
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object>(PlanFormat.Columns.Count);
            foreach (var column in PlanFormat.Columns)
                record[column.Name] = PlanCell.ForFile(row[column]);
            return record;
        }).ToList();
        if (records.Count == 0)
            records.Add(PlanFormat.Columns.ToDictionary(c => c.Name, _ => (object)""));
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, records, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
                text.Append(',');
            first = false;
            if (cell.AsSpan().IndexOfAny(",;\"\r\n") >= 0)
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else
                text.Append(cell);
        }

        text.Append("\r\n");
    }
}
