namespace Coordination.Domain.ActionPoints;

/// <summary>What a focal point reports on an assignment.</summary>
public sealed record ProgressReport(
    AssignmentStatus Status,
    int PercentComplete,
    string Narrative,
    string? Obstacles,
    string? SupportNeeded,
    IReadOnlyList<string> EvidenceLinks,
    decimal? IndicatorValue,
    Guid? ReviewCycleId);

/// <summary>Who reported, as the history shows it.</summary>
public sealed record Reporter(Guid UserId, string Name, Guid OrganizationId);
