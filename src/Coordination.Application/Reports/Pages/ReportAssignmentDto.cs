using Coordination.Application.Assignments;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;

namespace Coordination.Application.Reports.Pages;

/// <summary>
/// An assignment as a report lists it: what it is, who has it, its official status and flags. Nothing a published
/// report must not show (update texts, return comments, who reported): a report never carries them.
/// </summary>
/// <param name="AwaitingValidation">
/// Only for a reader who may know it (<see cref="ReportForum.ShowsUnacceptedOf"/>): always false in a report read only
/// because it is published, and for another organization's assignment in a confidential forum.
/// </param>
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
    /// <summary>
    /// The rows read through the assignment list's own projection, with the flags from their one definition, as
    /// <paramref name="reader"/> may see them in <paramref name="forum"/>'s report.
    /// </summary>
    public static ReportAssignmentDto ToReportDto(this AssignmentDto a, ReportForum forum, ICurrentUser reader) => new(
        a.Id, a.ActionPointId, a.ActionPointCode, a.ActionPointTitle, a.OrganizationId, a.OrganizationName, a.CountryCode,
        a.Role, a.Status, a.PercentComplete, a.DueDate, a.Overdue, a.AtRisk,
        a.AwaitingValidation && forum.ShowsUnacceptedOf(reader, a.OrganizationId));
}
