namespace Coordination.Application.Imports;

/// <summary>One column of the plan file: its header name, whether a row may leave it empty, what it means, an example.</summary>
public sealed record PlanColumn(int Index, string Name, bool Required, string Meaning, string Example);

/// <summary>
/// The import and export format of a forum's plan, in one place: the reader, the writer, the template and
/// docs/import-format.md all come from this list. One row per assignment; an action point with no assignment is one
/// row whose organization cells are empty. Conclusion and action point cells repeat on each of their rows and must
/// agree. Headers are matched by name (case-insensitive, any order); every column must be present; other columns are
/// ignored.
/// </summary>
public static class PlanFormat
{
    public static readonly PlanColumn ConclusionNumber = new(0, "conclusion_number", true, "The conclusion's number in the forum (1, 2, …); a new number creates the conclusion.", "4");
    public static readonly PlanColumn ConclusionText = new(1, "conclusion_text", true, "The conclusion's text.", "Strengthen the exchange of migration statistics between national offices.");
    public static readonly PlanColumn Theme = new(2, "theme", true, "The conclusion's theme.", "Data exchange");
    public static readonly PlanColumn GcmObjectives = new(3, "gcm_objectives", false, "GCM objectives 1 to 23, separated by ';'.", "1;17");
    public static readonly PlanColumn SdgTargets = new(4, "sdg_targets", false, "SDG targets, separated by ';'.", "10.7;17.18");
    public static readonly PlanColumn ActionCode = new(5, "action_code", true, "The action point's code, unique in the forum; a new code creates the action point.", "RF22-04");
    public static readonly PlanColumn ActionTitle = new(6, "action_title", true, "The action point's title.", "Publish a regional migration data inventory");
    public static readonly PlanColumn ActionDescription = new(7, "action_description", false, "The action point's description.", "An inventory of the sources each country publishes.");
    public static readonly PlanColumn Priority = new(8, "priority", true, "Low, Medium or High.", "High");
    public static readonly PlanColumn StartDate = new(9, "start_date", true, "The action point's start date, yyyy-MM-dd.", "2023-01-15");
    public static readonly PlanColumn DueDate = new(10, "due_date", true, "The action point's due date, yyyy-MM-dd, not before the start date.", "2023-12-31");
    public static readonly PlanColumn IndicatorBaseline = new(11, "indicator_baseline", false, "The indicator's baseline, a number with '.' as decimal point.", "0");
    public static readonly PlanColumn IndicatorTarget = new(12, "indicator_target", false, "The indicator's target; required when the baseline or the unit is given.", "9");
    public static readonly PlanColumn IndicatorUnit = new(13, "indicator_unit", false, "The indicator's unit.", "countries");
    public static readonly PlanColumn Organization = new(14, "organization", false, "The assigned organization's acronym or id; empty for an action point with no assignment.", "INM");
    public static readonly PlanColumn Country = new(15, "country", false, "ISO 3166 alpha-3 code; when given it must be the organization's country.", "DOM");
    public static readonly PlanColumn Role = new(16, "role", false, "Lead or Supporting; required when an organization is given.", "Lead");
    public static readonly PlanColumn AssignmentDueDate = new(17, "assignment_due_date", false, "The assignment's own due date, yyyy-MM-dd; empty means the action point's due date.", "");

    /// <summary>Every column, in file order (Index is the position).</summary>
    public static readonly IReadOnlyList<PlanColumn> Columns =
    [
        ConclusionNumber, ConclusionText, Theme, GcmObjectives, SdgTargets, ActionCode, ActionTitle, ActionDescription,
        Priority, StartDate, DueDate, IndicatorBaseline, IndicatorTarget, IndicatorUnit, Organization, Country, Role,
        AssignmentDueDate,
    ];

    public static IReadOnlyList<string> Header { get; } = [.. Columns.Select(c => c.Name)];

    /// <summary>Separator inside the list cells (gcm_objectives, sdg_targets).</summary>
    public const char ListSeparator = ';';

    /// <summary>Dates are written and read in this form only.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public static PlanColumn? Find(string headerName) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, headerName.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The example row of the template, taken from the columns' examples.</summary>
    public static PlanRow ExampleRow() => new(2, [.. Columns.Select(c => c.Example)]);
}
