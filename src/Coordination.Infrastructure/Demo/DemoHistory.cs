using Coordination.Domain.ActionPoints;

namespace Coordination.Infrastructure.Demo;

/// <summary>
/// The believable history of the demo: what each organization reported on each action point, when, and how the
/// secretariat answered. Percentages vary by country so charts and the matrix have something to show.
/// </summary>
internal static class DemoHistory
{
    private const string OnHoldObstacle = "Awaiting inter-institutional agreement";

    public static IEnumerable<DemoStep> For(string code, string acronym, string? countryCode)
    {
        var variety = countryCode is null ? 3 : Array.IndexOf(DemoDirectory.MemberStates.Select(m => m.Code).ToArray(), countryCode);
        var percent = 20 + (variety * 13 % 51);
        if (countryCode == "NIC" && code is "RF22-02" or "RF22-03" or "RF22-04" or "RF22-05" or "RF22-06")
            return OnHold(percent / 2);

        return (code, acronym, countryCode) switch
        {
            ("RF22-01", _, _) => Completed("The regional glossary was validated at the technical meeting and published.", "https://example.org/rf22/glossary", 11),
            ("RF22-09", _, _) => Completed("The inter-agency working group met for the first time and adopted its terms of reference.", "https://example.org/rf22/working-group", 20),
            ("RF22-02", _, "MEX" or "GTM" or "CRI" or "PAN" or "DOM") => InProgress(percent / 2, 2),
            ("RF22-02", _, _) => [],
            ("RF22-03", _, "BLZ") => [],
            ("RF22-03", _, _) => [Step(AssignmentStatus.InProgress, percent / 2, 5), Step(AssignmentStatus.InProgress, percent + 10, 1)],
            ("RF22-04", _, "BLZ" or "HND") => [],
            ("RF22-04", "INM", _) => InProgress(60, 3),
            ("RF22-04", _, _) => Completed("Entries and exits now record migration status in the national register.", $"https://example.org/rf22/registers/{countryCode!.ToLowerInvariant()}", 3),
            ("RF22-05", "ONE", _) => ReturnedThenResubmitted(),
            ("RF22-05", _, _) => [Step(AssignmentStatus.InProgress, percent / 2, 4), Step(AssignmentStatus.InProgress, percent, 1)],
            ("RF22-06", _, "MEX" or "CRI") => Completed("The national awareness session took place with ministries and the statistics office.", "https://example.org/rf22/awareness", 1),
            ("RF22-06", _, "GTM" or "SLV") => InProgress(20, 2),
            ("RF22-06", "INM", _) => InProgress(50, 1),
            ("RF22-06", _, _) => [],
            ("RF22-07", _, _) => InProgress(50, 2),
            ("RF22-08", "MIG-MEX", _) => InProgress(60, 1),
            ("RF22-08", "MIG-GTM", _) => InProgress(30, 2),
            ("RF22-08", "UNIV", _) => InProgress(40, 1),
            ("RF22-10", "INM", _) => InProgress(40, 1),
            ("RF22-10", "ONE", _) => InProgress(30, 2),
            ("RF22-11", "UNIV", _) => InProgress(10, 1),
            _ => [],
        };
    }

    /// <summary>This quarter's review report: where the work stands, as last reported.</summary>
    public static DemoStep ReviewReport(AssignmentStatus status, int percent) => status switch
    {
        AssignmentStatus.NotStarted => new(status, 0, "Quarterly review: preparations have started; no activity is finished yet.", null, [], 0, DemoOutcome.Accepted, null),
        AssignmentStatus.OnHold => new(status, percent, "Quarterly review: the work is still paused until the institutions involved sign their agreement.", OnHoldObstacle, [], 0, DemoOutcome.Accepted, null),
        _ => new(status, percent, $"Quarterly review: the work continues; {percent} % of the planned activities are done.", null, [], 0, DemoOutcome.Accepted, null),
    };

    private static DemoStep Step(AssignmentStatus status, int percent, int monthsAgo) =>
        new(status, percent, status == AssignmentStatus.NotStarted ? "Preparations started." : $"Work is under way: {percent} % of the planned activities are done.", null, [], monthsAgo, DemoOutcome.Accepted, null);

    private static DemoStep[] InProgress(int percent, int monthsAgo) => [Step(AssignmentStatus.InProgress, percent, monthsAgo)];

    private static DemoStep[] Completed(string narrative, string evidence, int monthsAgo) =>
    [
        Step(AssignmentStatus.InProgress, 50, monthsAgo + 3),
        new(AssignmentStatus.Completed, 100, narrative, null, [evidence], monthsAgo, DemoOutcome.Accepted, null),
    ];

    private static DemoStep[] OnHold(int percent) =>
    [
        Step(AssignmentStatus.InProgress, percent, 6),
        new(AssignmentStatus.OnHold, percent, "Work is paused until the institutions involved sign their agreement.", OnHoldObstacle, [], 2, DemoOutcome.Accepted, null),
    ];

    private static DemoStep[] ReturnedThenResubmitted() =>
    [
        Step(AssignmentStatus.InProgress, 30, 4),
        new(AssignmentStatus.InProgress, 55, "The disaggregated tables by sex, age and nationality were published on the ONE portal.", null, [], 1, DemoOutcome.Returned, "Please attach the published table."),
        new(AssignmentStatus.InProgress, 55, "The disaggregated tables by sex, age and nationality were published on the ONE portal; link attached.", null, ["https://example.org/one/migration-tables-2026"], 0, DemoOutcome.Pending, null),
    ];
}

internal enum DemoOutcome
{
    Accepted,
    Returned,
    Pending,
}

internal sealed record DemoStep(
    AssignmentStatus Status, int Percent, string Narrative, string? Obstacles, string[] Evidence, int MonthsAgo, DemoOutcome Outcome, string? Comment);
