namespace Coordination.Domain.ActionPoints;

/// <summary>Where an organization stands on its assignment.</summary>
public enum AssignmentStatus
{
    NotStarted,
    InProgress,
    Completed,
    OnHold,
    Cancelled,
}
