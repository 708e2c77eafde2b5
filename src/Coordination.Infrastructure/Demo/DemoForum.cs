using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;

namespace Coordination.Infrastructure.Demo;

/// <summary>
/// The Regional Forum on Statistics and Data on Migration (Santo Domingo, 6–8 July 2022): its conclusions restate the
/// lines of action the source article reports, tagged as it states (GCM objectives 1, 3, 7; SDG targets 10.7, 17.8).
/// The action points' dates, owners and history are illustrations, placed relative to the day the demo is created so
/// that it always shows work in progress, overdue and at risk.
/// </summary>
internal static class DemoForum
{
    public const string Title = "Regional Forum on Statistics and Data on Migration";

    public static Forum Create(IEnumerable<Guid> participantIds) => Forum.Create(
        Title,
        "Santo Domingo, Dominican Republic",
        new DateOnly(2022, 7, 6),
        new DateOnly(2022, 7, 8),
        "Governments of Mexico, Central America and the Dominican Republic, with IOM and partners, explored new ways "
        + "to measure human mobility and approved a list of conclusions and a plan of future actions. Organized by IOM "
        + "with the National Migration Institute (INM) and the National Statistics Office (ONE) of the Dominican "
        + "Republic, funded by the U.S. Department of State's Bureau of Population, Refugees and Migration (PRM), with "
        + "the technical support of the Migration Resource Allocation Committee (MIRAC).\n\n"
        + "Demo data: the conclusions restate the forum's lines of action as reported; the action points' dates, "
        + "owners and progress are illustrations, not the forum's official record.",
        requiresValidation: true,
        participantIds);

    public static readonly IReadOnlyList<DemoConclusion> Conclusions =
    [
        new(1, "Conceptual framework", "Adopt a common conceptual framework that gradually unifies key migration concepts so data are comparable across the region.", [1], ["17.8"]),
        new(2, "Data-collection instruments", "Strengthen national capacities to include the migration variable in censuses, surveys and administrative registers.", [1], ["10.7", "17.8"]),
        new(3, "Disaggregation", "Support countries in disaggregating data to respond to migrants' specific needs, protect their rights and reduce risks.", [1, 7], ["10.7"]),
        new(4, "Awareness and investment", "Raise awareness of the value of migration data and of investing resources to produce it.", [1], ["17.8"]),
        new(5, "Periodic follow-up", "Hold periodic meetings to track regional progress and challenges on migration data.", [1, 3], ["17.8"]),
        new(6, "Partnerships", "Build intersectoral partnerships with the private sector, academia and civil society.", [1], ["17.8"]),
        new(7, "Coordination", "Create a regional, inter-agency space to coordinate migration data and statistics.", [1, 3], ["17.8"]),
        new(8, "Administrative data and innovation", "Facilitate access to administrative and other government data so other actors can build information products that respond to the region's needs.", [1, 3], ["10.7", "17.8"]),
    ];

    /// <summary>Who is assigned: "NSO" and "MIG" stand for every member state's statistics office or migration institution.</summary>
    public static readonly IReadOnlyList<DemoActionPoint> ActionPoints =
    [
        new("RF22-01", 1, "Draft a regional glossary of migration concepts", Priority.High, -40, -10, ["IOM"], ["NSO"], (2m, 9m, "countries using the glossary")),
        new("RF22-02", 1, "Adopt the glossary in national statistical standards", Priority.Medium, -10, 13, [], ["NSO"], null),
        new("RF22-03", 2, "Add migration questions to the next census or household survey round", Priority.High, -20, 9, ["NSO"], [], (1m, 9m, "countries with migration questions")),
        new("RF22-04", 2, "Record migration status in administrative registers of entries and exits", Priority.High, -30, -2, ["MIG"], [], null),
        new("RF22-05", 3, "Publish migration statistics disaggregated by sex, age and nationality", Priority.High, -24, 4, ["NSO"], [], null),
        new("RF22-06", 4, "Run a national awareness session on the value of migration data", Priority.Medium, -12, 1, ["MIG"], [], null),
        new("RF22-07", 5, "Hold the regional follow-up meeting every six months", Priority.Medium, -40, 24, ["IOM"], [], null),
        new("RF22-08", 6, "Sign a data partnership with a university or research centre", Priority.Low, -18, 7, ["MIG-MEX", "MIG-GTM", "MIG-CRI", "UNIV"], [], null),
        new("RF22-09", 7, "Set up the regional inter-agency working group on migration data", Priority.High, -40, -20, ["IOM"], ["PRM"], null),
        new("RF22-10", 8, "Publish an open dataset of administrative migration records", Priority.Medium, -16, 5, ["INM", "ONE", "MIG-MEX"], [], null),
        new("RF22-11", 8, "Run a data challenge on the open datasets with academia and civil society", Priority.Low, -6, 8, ["UNIV"], ["CSO"], null),
    ];
}

internal sealed record DemoConclusion(int Number, string Theme, string Text, int[] GcmObjectives, string[] SdgTargets);

/// <param name="StartMonths">Start, in months from the day the demo is created (negative: in the past).</param>
/// <param name="DueMonths">Due date, in months from that day.</param>
internal sealed record DemoActionPoint(
    string Code, int Conclusion, string Title, Priority Priority, int StartMonths, int DueMonths,
    string[] Leads, string[] Supporting, (decimal Baseline, decimal Target, string Unit)? Indicator);
