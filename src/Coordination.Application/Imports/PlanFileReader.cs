using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using MiniExcelLibs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sylvan.Data.Csv;

namespace Coordination.Application.Imports;

public enum PlanFileType
{
    Csv,
    Xlsx,
}

/// <summary>
/// Reads a plan file: CSV (UTF-8 with or without BOM, comma or semicolon) or XLSX (first sheet). A file that cannot be
/// a plan (wrong type, too large, empty, header lacking columns) is refused with a ValidationException on <c>file</c>
/// (400); problems of single cells are left to the importer's report (<see cref="PlanRow.ReadErrors"/>). Each file read
/// is logged (debug): parsing a large file is costly, so a request reads its file once.
/// </summary>
public sealed partial class PlanFileReader(IOptions<ImportOptions> options, ILogger<PlanFileReader> logger)
{
    public const string Field = "file";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyList<PlanRow> Read(string fileName, byte[] content)
    {
        EnsureSize(content.LongLength);
        if (content.Length == 0)
            throw Refused("The file is empty.");
        var records = Detect(fileName, content) switch
        {
            PlanFileType.Xlsx => ReadXlsx(content),
            _ => ReadCsv(content),
        };
        var rows = ToRows(records);
        LogRead(fileName, content.LongLength, rows.Count);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read plan file {FileName} ({Bytes} bytes): {Rows} rows")]
    private partial void LogRead(string fileName, long bytes, int rows);

    /// <summary>Also called before a request's file is buffered, so an oversized upload is refused early.</summary>
    public void EnsureSize(long length)
    {
        var limit = options.Value.MaxFileBytes;
        if (length > limit)
            throw Refused($"The file is larger than the limit of {limit / (1024.0 * 1024.0):0.#} MB.");
    }

    /// <summary>By extension and content together: a renamed file of another kind is refused.</summary>
    public static PlanFileType Detect(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return extension switch
        {
            ".xlsx" when isZip => PlanFileType.Xlsx,
            ".xlsx" => throw Refused("This file is not an Excel workbook (.xlsx)."),
            ".csv" when !isZip && !content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0) => PlanFileType.Csv,
            ".csv" => throw Refused("This file is not a CSV text file."),
            _ => throw Refused("Only CSV (.csv) and Excel (.xlsx) files are accepted."),
        };
    }

    public static ValidationException Refused(string message) => new([new ValidationFailure(Field, message)]);

    /// <summary>Records in file order: the header first, then each record with its spreadsheet row number.</summary>
    private static List<(int Row, string?[] Cells)> ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw Refused("The CSV file is not UTF-8 text: save it as \"CSV UTF-8\".");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = DelimiterOf(text),
            MaxBufferSize = 16 * 1024 * 1024,
        });
        var records = new List<(int, string?[])>();
        var row = 0;
        while (csv.Read())
        {
            row++;
            var cells = new string?[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = csv.GetString(i);
            records.Add((row, cells));
        }

        return records;
    }

    /// <summary>Comma unless the header line has more semicolons (what a Spanish-locale Excel writes).</summary>
    private static char DelimiterOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
    }

    private static List<(int Row, string?[] Cells)> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var records = new List<(int, string?[])>();
            var row = 0;
            foreach (IDictionary<string, object?> record in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                row++;
                records.Add((row, [.. record.Values.Select(CellText)]));
            }

            return records;
        }
        catch (Exception e) when (e is not ValidationException)
        {
            throw Refused("The Excel workbook could not be read.");
        }
    }

    /// <summary>Typed cells as the text the CSV would hold: dates as yyyy-MM-dd, numbers with a '.' decimal point.</summary>
    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString(PlanFormat.DateFormat, CultureInfo.InvariantCulture),
        DateTime d => d.ToString("s", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static List<PlanRow> ToRows(List<(int Row, string?[] Cells)> records)
    {
        var headerIndex = records.FindIndex(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerIndex < 0)
            throw Refused("The file is empty.");
        var header = records[headerIndex].Cells;
        var positions = new int[PlanFormat.Columns.Count];
        Array.Fill(positions, -1);
        for (var i = 0; i < header.Length; i++)
        {
            if (PlanFormat.Find(header[i] ?? "") is { } column && positions[column.Index] < 0)
                positions[column.Index] = i;
        }

        var missing = PlanFormat.Columns.Where(c => positions[c.Index] < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw Refused($"The header row lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}.");

        var rows = new List<PlanRow>();
        foreach (var (row, cells) in records.Skip(headerIndex + 1))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
                continue; // blank lines between blocks are harmless
            var values = new string[positions.Length];
            var errors = new List<ImportError>();
            foreach (var column in PlanFormat.Columns)
            {
                var position = positions[column.Index];
                var value = PlanCell.FromFile(position < cells.Length ? cells[position] : null, out var error);
                if (error is not null)
                    errors.Add(new ImportError(row, column.Name, error));
                values[column.Index] = value ?? "";
            }

            rows.Add(new PlanRow(row, values, errors));
        }

        return rows;
    }
}
