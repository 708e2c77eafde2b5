using Coordination.Application.Assignments;
using Coordination.Domain.ActionPoints;

namespace Coordination.Application.Reports.Pages;

/// <summary>
/// An assignment as a report lists it: what it is, who has it, its official status and flags. Nothing a published
/// report must not show (update texts, return comments, who reported): a report never carries them.
/// </summary>
/// <param name="AwaitingValidation">Always false in a report read without sign-in: a published report shows accepted figures only.</param>
public sealed record ReportAssignmentDto(
    Guid AssignmentId,
    Guid ActionPointId,
    string ActionPointCode,
    string ActionPointTitle,
    Guid OrganizationId,
    string OrganizationName,
    string? CountryCode,
    AssignmentRole Role,
    AssignmentStatus Status,
    int PercentComplete,
    DateOnly DueDate,
    bool Overdue,
    bool AtRisk,
    bool AwaitingValidation);

internal static class ReportAssignments
{
    /// <summary>The rows read through the assignment list's own projection, with the flags from their one definition.</summary>
    public static ReportAssignmentDto ToReportDto(this AssignmentDto a, bool showPending) => new(
        a.Id, a.ActionPointId, a.ActionPointCode, a.ActionPointTitle, a.OrganizationId, a.OrganizationName, a.CountryCode,
        a.Role, a.Status, a.PercentComplete, a.DueDate, a.Overdue, a.AtRisk, showPending && a.AwaitingValidation);
}
