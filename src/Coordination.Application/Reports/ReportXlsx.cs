using System.Globalization;
using Coordination.Domain.ActionPoints;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Coordination.Application.Reports;

/// <summary>
/// The regional status as an Excel workbook: Summary (forum, as-of day, filters, overall figures), one sheet per
/// breakdown (By country first), Assignments and Updates. Text is written as text cells, never as formulas, so a name
/// such as <c>=HYPERLINK(…)</c> stays inert without the apostrophe the CSV needs.
/// </summary>
public static class ReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string Summary = "Summary";
    public const string ByCountry = "By country";
    public const string ByOrganization = "By organization";
    public const string ByTheme = "By theme";
    public const string ByGcmObjective = "By GCM objective";
    public const string BySdgTarget = "By SDG target";
    public const string Assignments = "Assignments";
    public const string Updates = "Updates";

    public static byte[] Write(RegionalStatusExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var status = export.Status;
        var sheets = new Dictionary<string, object>
        {
            [Summary] = SummaryLines(status),
            [ByCountry] = Lines(status.ByCountry),
            [ByOrganization] = Lines(status.ByOrganization),
            [ByTheme] = Lines(status.ByTheme),
            [ByGcmObjective] = Lines(status.ByGcmObjective),
            [BySdgTarget] = Lines(status.BySdgTarget),
            [Assignments] = export.Assignments.Select(a => new AssignmentSheetLine
            {
                ActionPoint = a.ActionPointCode,
                Title = a.ActionPointTitle,
                Organization = a.Organization,
                Country = a.CountryCode ?? "",
                Role = a.Role.ToString(),
                Status = a.Status.ToString(),
                PercentComplete = a.PercentComplete,
                DueDate = Day(a.DueDate),
                Overdue = a.Overdue,
                AtRisk = a.AtRisk,
            }).ToList(),
            [Updates] = export.Updates.Select(u => new UpdateSheetLine
            {
                SubmittedOn = Day(u.SubmittedOn),
                AcceptedOn = Day(u.AcceptedOn),
                ActionPoint = u.ActionPointCode,
                Organization = u.Organization,
                Country = u.CountryCode ?? "",
                Status = u.Status.ToString(),
                PercentComplete = u.PercentComplete,
            }).ToList(),
        };

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>The Summary sheet's field names, in its first column.</summary>
    public static class Fields
    {
        public const string Forum = "Forum";
        public const string AsOf = "As of";
        public const string Published = "Published";
        public const string Country = "Country";
        public const string OrganizationKind = "Organization kind";
        public const string Theme = "Theme";
        public const string GcmObjective = "GCM objective";
        public const string SdgTarget = "SDG target";
        public const string AssignmentCount = "Assignments";
        public const string PercentComplete = "Percent complete";
        public const string Overdue = "Overdue";
        public const string AtRisk = "At risk";
    }

    private static List<SummaryLine> SummaryLines(RegionalStatusDto status)
    {
        var filter = status.Filter;
        var overall = status.Overall;
        return
        [
            new(Fields.Forum, status.ForumTitle),
            new(Fields.AsOf, Day(status.AsOf)),
            new(Fields.Published, status.Published ? "Yes" : "No"),
            new(Fields.Country, filter.CountryCode ?? ""),
            new(Fields.OrganizationKind, filter.OrganizationKind?.ToString() ?? ""),
            new(Fields.Theme, filter.Theme ?? ""),
            new(Fields.GcmObjective, filter.GcmObjective?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new(Fields.SdgTarget, filter.SdgTarget ?? ""),
            new(Fields.AssignmentCount, overall.Assignments),
            .. Enum.GetValues<AssignmentStatus>().Select(s => new SummaryLine(s.ToString(), overall.ByStatus.GetValueOrDefault(s))),
            new(Fields.PercentComplete, overall.PercentComplete),
            new(Fields.Overdue, overall.Overdue),
            new(Fields.AtRisk, overall.AtRisk),
        ];
    }

    private static List<BreakdownSheetLine> Lines(IEnumerable<ReportBreakdownItemDto> items) =>
        items.Select(i => new BreakdownSheetLine
        {
            Key = i.Key,
            Label = i.Label,
            Assignments = i.Assignments,
            NotStarted = i.ByStatus.GetValueOrDefault(AssignmentStatus.NotStarted),
            InProgress = i.ByStatus.GetValueOrDefault(AssignmentStatus.InProgress),
            Completed = i.ByStatus.GetValueOrDefault(AssignmentStatus.Completed),
            OnHold = i.ByStatus.GetValueOrDefault(AssignmentStatus.OnHold),
            Cancelled = i.ByStatus.GetValueOrDefault(AssignmentStatus.Cancelled),
            PercentComplete = i.PercentComplete,
            Overdue = i.Overdue,
            AtRisk = i.AtRisk,
        }).ToList();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record SummaryLine(
        [property: ExcelColumnName("Field")] string Field,
        [property: ExcelColumnName("Value")] object Value);

    private sealed class BreakdownSheetLine
    {
        public string Key { get; init; } = "";

        public string Label { get; init; } = "";

        public int Assignments { get; init; }

        public int NotStarted { get; init; }

        public int InProgress { get; init; }

        public int Completed { get; init; }

        public int OnHold { get; init; }

        public int Cancelled { get; init; }

        public double PercentComplete { get; init; }

        public int Overdue { get; init; }

        public int AtRisk { get; init; }
    }

    private sealed class AssignmentSheetLine
    {
        [ExcelColumnName("Action point")]
        public string ActionPoint { get; init; } = "";

        public string Title { get; init; } = "";

        public string Organization { get; init; } = "";

        public string Country { get; init; } = "";

        public string Role { get; init; } = "";

        public string Status { get; init; } = "";

        [ExcelColumnName("Percent complete")]
        public int PercentComplete { get; init; }

        [ExcelColumnName("Due date")]
        public string DueDate { get; init; } = "";

        public bool Overdue { get; init; }

        [ExcelColumnName("At risk")]
        public bool AtRisk { get; init; }
    }

    private sealed class UpdateSheetLine
    {
        [ExcelColumnName("Submitted on")]
        public string SubmittedOn { get; init; } = "";

        [ExcelColumnName("Accepted on")]
        public string AcceptedOn { get; init; } = "";

        [ExcelColumnName("Action point")]
        public string ActionPoint { get; init; } = "";

        public string Organization { get; init; } = "";

        public string Country { get; init; } = "";

        public string Status { get; init; } = "";

        [ExcelColumnName("Percent complete")]
        public int PercentComplete { get; init; }
    }
}
