using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;

namespace Coordination.Domain.ReviewCycles;

/// <summary>
/// One assignment as it stood when a review cycle closed: never changed afterwards, so trends and compliance across
/// cycles are reported from what was true then.
/// </summary>
public sealed class CycleSnapshot : IAssignmentReportKeys
{
    private CycleSnapshot()
    {
    }

    public Guid ReviewCycleId { get; private set; }

    public Guid AssignmentId { get; private set; }

    public Guid ForumId { get; private set; }

    public Guid ActionPointId { get; private set; }

    public Guid ConclusionId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public OrganizationKind OrganizationKind { get; private set; }

    public string? CountryCode { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public int PercentComplete { get; private set; }

    public bool Overdue { get; private set; }

    public bool AtRisk { get; private set; }

    /// <summary>An update for this cycle was submitted by the deadline.</summary>
    public bool ReportedOnTime { get; private set; }

    /// <summary>An update for this cycle was submitted, but after the deadline.</summary>
    public bool ReportedLate { get; private set; }

    public DateTime TakenAt { get; private set; }

    public static CycleSnapshot Take(
        Guid reviewCycleId, Guid assignmentId, Guid forumId, Guid actionPointId, Guid conclusionId, Guid organizationId,
        OrganizationKind organizationKind, string? countryCode, AssignmentStatus status, int percentComplete,
        bool overdue, bool atRisk, bool reportedOnTime, bool reportedLate, DateTime takenAt) =>
        new()
        {
            ReviewCycleId = reviewCycleId,
            AssignmentId = assignmentId,
            ForumId = forumId,
            ActionPointId = actionPointId,
            ConclusionId = conclusionId,
            OrganizationId = organizationId,
            OrganizationKind = organizationKind,
            CountryCode = countryCode,
            Status = status,
            PercentComplete = percentComplete,
            Overdue = overdue,
            AtRisk = atRisk,
            ReportedOnTime = reportedOnTime,
            ReportedLate = reportedLate,
            TakenAt = takenAt,
        };
}
