namespace Coordination.Domain.ActionPoints;

public enum ProgressUpdateState
{
    /// <summary>Waiting for the secretariat (when the forum requires validation).</summary>
    Submitted,

    Accepted,

    /// <summary>Sent back with a comment; the focal point revises it in a new update.</summary>
    Returned,
}
