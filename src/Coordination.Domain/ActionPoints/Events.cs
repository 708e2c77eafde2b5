using Coordination.Domain.Common;

namespace Coordination.Domain.ActionPoints;

/// <summary>Any change to what an assignment's current status shows.</summary>
public interface IAssignmentEvent : IDomainEvent
{
    Guid AssignmentId { get; }
}

public sealed record AssignmentCreated(Guid AssignmentId, Guid ActionPointId, Guid OrganizationId) : IAssignmentEvent;

public sealed record AssignmentChanged(Guid AssignmentId) : IAssignmentEvent;

public sealed record AssignmentCancelled(Guid AssignmentId) : IAssignmentEvent;

public sealed record ProgressReported(Guid AssignmentId, Guid ProgressUpdateId, bool AwaitsValidation) : IAssignmentEvent;

public sealed record ProgressAccepted(Guid AssignmentId, Guid ProgressUpdateId) : IAssignmentEvent;

public sealed record ProgressReturned(Guid AssignmentId, Guid ProgressUpdateId, string Comment) : IAssignmentEvent;

/// <summary>
/// The action point's dates or conclusion changed: its assignments' share of time elapsed, and the theme and tags
/// they are reported under, change with them.
/// </summary>
public sealed record ActionPointReplanned(Guid ActionPointId) : IDomainEvent;
