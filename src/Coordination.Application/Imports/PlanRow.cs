namespace Coordination.Application.Imports;

/// <summary>
/// One row of a plan file as read (or about to be written): the cell values in <see cref="PlanFormat.Columns"/> order,
/// trimmed, with the text marker <c>'</c> already removed. <see cref="RowNumber"/> is the row as the spreadsheet shows
/// it (the header is row 1).
/// </summary>
public sealed class PlanRow
{
    public PlanRow(int rowNumber, IReadOnlyList<string> cells, IReadOnlyList<ImportError>? readErrors = null)
    {
        if (cells.Count != PlanFormat.Columns.Count)
            throw new ArgumentException($"A plan row has {PlanFormat.Columns.Count} cells, not {cells.Count}.", nameof(cells));
        RowNumber = rowNumber;
        Cells = cells;
        ReadErrors = readErrors ?? [];
    }

    public int RowNumber { get; }

    public IReadOnlyList<string> Cells { get; }

    /// <summary>Cells refused while reading (a formula); the importer reports them with the row's other errors.</summary>
    public IReadOnlyList<ImportError> ReadErrors { get; }

    public string this[PlanColumn column] => Cells[column.Index];

    public string ConclusionNumber => this[PlanFormat.ConclusionNumber];

    public string ConclusionText => this[PlanFormat.ConclusionText];

    public string Theme => this[PlanFormat.Theme];

    public string GcmObjectives => this[PlanFormat.GcmObjectives];

    public string SdgTargets => this[PlanFormat.SdgTargets];

    public string ActionCode => this[PlanFormat.ActionCode];

    public string ActionTitle => this[PlanFormat.ActionTitle];

    public string ActionDescription => this[PlanFormat.ActionDescription];

    public string Priority => this[PlanFormat.Priority];

    public string StartDate => this[PlanFormat.StartDate];

    public string DueDate => this[PlanFormat.DueDate];

    public string IndicatorBaseline => this[PlanFormat.IndicatorBaseline];

    public string IndicatorTarget => this[PlanFormat.IndicatorTarget];

    public string IndicatorUnit => this[PlanFormat.IndicatorUnit];

    public string Organization => this[PlanFormat.Organization];

    public string Country => this[PlanFormat.Country];

    public string Role => this[PlanFormat.Role];

    public string AssignmentDueDate => this[PlanFormat.AssignmentDueDate];

    /// <summary>Same cells, whatever the row number (export → parse → equal rows).</summary>
    public bool HasSameCells(PlanRow other) => Cells.SequenceEqual(other.Cells, StringComparer.Ordinal);
}
