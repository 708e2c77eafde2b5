using Coordination.Domain.Organizations;

namespace Coordination.Domain.ActionPoints;

/// <summary>
/// What reports select an assignment's row by — its forum, its action point's conclusion (theme and framework tags),
/// its organization's kind and country — shared by the live read side and the rows frozen when a review cycle closes,
/// so one filter serves both.
/// </summary>
public interface IAssignmentReportKeys
{
    Guid ForumId { get; }

    Guid ConclusionId { get; }

    OrganizationKind OrganizationKind { get; }

    string? CountryCode { get; }
}
