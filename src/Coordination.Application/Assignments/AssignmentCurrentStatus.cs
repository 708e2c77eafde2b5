using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;

namespace Coordination.Application.Assignments;

/// <summary>
/// The read side: one row per assignment with its official status, what awaits validation, and the keys reports group
/// by, kept by <see cref="AssignmentStatusProjector"/> in the same transaction as every change. Lists and reports read
/// this table and never scan the update history. Days are stored as day numbers so the overdue and at-risk
/// arithmetic runs in the database on every provider.
/// </summary>
public sealed class AssignmentCurrentStatus : IAssignmentReportKeys
{
    public Guid AssignmentId { get; set; }

    public Guid ActionPointId { get; set; }

    public Guid ForumId { get; set; }

    public Guid ConclusionId { get; set; }

    public Guid OrganizationId { get; set; }

    public OrganizationKind OrganizationKind { get; set; }

    public string? CountryCode { get; set; }

    public AssignmentRole Role { get; set; }

    public AssignmentStatus Status { get; set; }

    public int PercentComplete { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary><see cref="DateOnly.DayNumber"/> of the action point's start date.</summary>
    public int StartDay { get; set; }

    /// <summary><see cref="DateOnly.DayNumber"/> of the assignment's due date.</summary>
    public int DueDay { get; set; }

    public DateTime? LastUpdateAt { get; set; }

    public Guid? PendingUpdateId { get; set; }

    public AssignmentStatus? PendingStatus { get; set; }

    public int? PendingPercent { get; set; }

    /// <summary>The last update was returned and not yet revised.</summary>
    public Guid? ReturnedUpdateId { get; set; }
}
