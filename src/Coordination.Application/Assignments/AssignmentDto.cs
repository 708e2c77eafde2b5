using System.Globalization;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.ActionPoints;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Assignments;

/// <summary>An assignment as the API shows it: its official status from the read model, and the derived flags.</summary>
public sealed record AssignmentDto(
    Guid Id,
    Guid ActionPointId,
    string ActionPointCode,
    string ActionPointTitle,
    Guid ForumId,
    Guid OrganizationId,
    string OrganizationName,
    string? CountryCode,
    AssignmentRole Role,
    AssignmentStatus Status,
    int PercentComplete,
    DateOnly DueDate,
    bool Overdue,
    bool AtRisk,
    DateTime? LastUpdateAt,
    bool AwaitingValidation,
    Guid? PendingUpdateId,
    Guid? ReturnedUpdateId,
    string Version);

/// <summary>
/// One row read for an <see cref="AssignmentDto"/>. Member-initialized (not a constructor) so that queries can still
/// order and page on its properties after the projection.
/// </summary>
internal sealed class AssignmentRow
{
    public Guid Id { get; init; }

    public Guid ActionPointId { get; init; }

    public string ActionPointCode { get; init; } = "";

    public string ActionPointTitle { get; init; } = "";

    public Guid ForumId { get; init; }

    public Guid OrganizationId { get; init; }

    public string OrganizationName { get; init; } = "";

    public string? CountryCode { get; init; }

    public AssignmentRole Role { get; init; }

    public AssignmentStatus Status { get; init; }

    public int PercentComplete { get; init; }

    public DateOnly DueDate { get; init; }

    public int StartDay { get; init; }

    public int DueDay { get; init; }

    public DateTime? LastUpdateAt { get; init; }

    public Guid? PendingUpdateId { get; init; }

    public Guid? ReturnedUpdateId { get; init; }

    public long Version { get; init; }

    /// <summary>The flags are computed here from the row's day numbers, the same definition the database filters use.</summary>
    public AssignmentDto ToDto(int today) => new(
        Id, ActionPointId, ActionPointCode, ActionPointTitle, ForumId, OrganizationId, OrganizationName, CountryCode?.Trim(),
        Role, Status, PercentComplete, DueDate,
        AssignmentFlags.IsOverdue(Status, DueDay, today),
        AssignmentFlags.IsAtRisk(Status, PercentComplete, StartDay, DueDay, today),
        LastUpdateAt, PendingUpdateId is not null, PendingUpdateId, ReturnedUpdateId,
        Version.ToString(CultureInfo.InvariantCulture));
}

internal static class AssignmentReads
{
    /// <summary>
    /// The rows of the given current-status rows: status and flags come from the read model; the assignment table is
    /// joined only for its version, the action point and organization for their names.
    /// </summary>
    public static IQueryable<AssignmentRow> Rows(this ICoordinationDbContext db, IQueryable<AssignmentCurrentStatus> statuses) =>
        from s in statuses
        join a in db.Assignments.AsNoTracking() on s.AssignmentId equals a.Id
        join ap in db.ActionPoints.AsNoTracking() on s.ActionPointId equals ap.Id
        join o in db.Organizations.AsNoTracking() on s.OrganizationId equals o.Id
        select new AssignmentRow
        {
            Id = s.AssignmentId,
            ActionPointId = s.ActionPointId,
            ActionPointCode = ap.Code,
            ActionPointTitle = ap.Title,
            ForumId = s.ForumId,
            OrganizationId = s.OrganizationId,
            OrganizationName = o.Name,
            CountryCode = s.CountryCode,
            Role = s.Role,
            Status = s.Status,
            PercentComplete = s.PercentComplete,
            DueDate = s.DueDate,
            StartDay = s.StartDay,
            DueDay = s.DueDay,
            LastUpdateAt = s.LastUpdateAt,
            PendingUpdateId = s.PendingUpdateId,
            ReturnedUpdateId = s.ReturnedUpdateId,
            Version = a.Version,
        };

    /// <summary>One assignment as the API shows it; null when it does not exist.</summary>
    public static async Task<AssignmentDto?> FindDtoAsync(
        this ICoordinationDbContext db, Guid assignmentId, IQueryable<Guid>? readableForumIds, int today, CancellationToken cancellationToken)
    {
        var statuses = db.AssignmentStatuses.AsNoTracking().Where(s => s.AssignmentId == assignmentId);
        if (readableForumIds is not null)
            statuses = statuses.Where(s => readableForumIds.Contains(s.ForumId));
        var row = await db.Rows(statuses).SingleOrDefaultAsync(cancellationToken);
        return row?.ToDto(today);
    }
}
