namespace Coordination.Application.Imports;

/// <summary>One problem of one row: the row as the spreadsheet shows it (header = 1), the column's header name, a sentence.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>
/// What an import found (dry run) or did (commit). Counts are of entities: <see cref="Unchanged"/> counts the
/// conclusions, action points and assignments that already existed with the file's values. When <see cref="Errors"/>
/// is not empty nothing was written, dry run or not.
/// </summary>
public sealed record ImportReport(
    int Rows,
    int ConclusionsCreated,
    int ConclusionsUpdated,
    int ActionPointsCreated,
    int ActionPointsUpdated,
    int AssignmentsCreated,
    int AssignmentsUpdated,
    int Unchanged,
    IReadOnlyList<ImportError> Errors,
    bool DryRun,
    bool Written)
{
    public bool HasErrors => Errors.Count > 0;
}
