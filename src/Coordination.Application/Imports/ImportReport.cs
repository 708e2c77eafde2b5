using System.Text.Json.Serialization;
using Coordination.Domain.Imports;

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

    /// <summary>
    /// The run the file was stored as, for the caller to follow: Queued (a large file handed to a background run; the
    /// counts are then zero, the run reports them), Checked (a clean dry run's file kept for import), or Completed (a
    /// checked file imported now). Not part of the report's JSON (API answers, stored reports).
    /// </summary>
    [JsonIgnore]
    public ImportRunRef? Run { get; init; }
}

public sealed record ImportRunRef(Guid Id, ImportRunState State);
