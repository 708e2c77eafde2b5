using System.Globalization;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Progress;
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

    /// <summary>Whether the assignment's forum is confidential (see <see cref="AssignmentReads.ToDtosAsync"/>).</summary>
    public bool Confidential { get; init; }

    public long Version { get; init; }

    /// <summary>The flags are computed here from the row's day numbers, the same definition the database filters use.</summary>
    public AssignmentDto ToDto(int today) => new(
        Id, ActionPointId, ActionPointCode, ActionPointTitle, ForumId, OrganizationId, OrganizationName, CountryCode?.Trim(),
        Role, Status, PercentComplete, DueDate,
        AssignmentFlags.IsOverdue(Status, DueDay, today),
        AssignmentFlags.IsAtRisk(Status, PercentComplete, StartDay, DueDay, today),
        LastUpdateAt, PendingUpdateId is not null, PendingUpdateId, ReturnedUpdateId,
        Version.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The row as a reader who sees the official state only gets it: nothing awaiting validation or returned, and the
    /// last update is the last accepted one.
    /// </summary>
    public AssignmentDto ToOfficialDto(int today, DateTime? lastAcceptedAt) => ToDto(today) with
    {
        LastUpdateAt = lastAcceptedAt,
        AwaitingValidation = false,
        PendingUpdateId = null,
        ReturnedUpdateId = null,
    };
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
        join f in db.Forums.AsNoTracking() on s.ForumId equals f.Id
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
            Confidential = f.Confidential,
            Version = a.Version,
        };

    /// <summary>
    /// One assignment as the API shows it, as <paramref name="reader"/> may see it (null: everything, for the
    /// secretariat's own commands), its flags on its forum's day; null when it does not exist or is not readable.
    /// </summary>
    public static async Task<AssignmentDto?> FindDtoAsync(
        this ICoordinationDbContext db, Guid assignmentId, IQueryable<Guid>? readableForumIds, TimeProvider clock, ICurrentUser? reader,
        CancellationToken cancellationToken)
    {
        var statuses = db.AssignmentStatuses.AsNoTracking().Where(s => s.AssignmentId == assignmentId);
        if (readableForumIds is not null)
            statuses = statuses.Where(s => readableForumIds.Contains(s.ForumId));
        var row = await db.Rows(statuses).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var days = await ForumDays.OfAsync(clock, db.Forums.Where(f => f.Id == row.ForumId), cancellationToken);
        return (await db.ToDtosAsync([row], days, reader, cancellationToken))[0];
    }

    /// <summary>
    /// The rows as <paramref name="reader"/> may see them: in a confidential forum, another organization's assignment
    /// shows only its official state (<see cref="ProgressAccess.SeesOfficialOnly"/>). Its last accepted update is
    /// looked up in the history, once for all such rows and only for them, since the read model keeps the last
    /// submission's time. Each row's flags are decided on its forum's day in <paramref name="days"/>.
    /// </summary>
    public static async Task<List<AssignmentDto>> ToDtosAsync(
        this ICoordinationDbContext db, IReadOnlyList<AssignmentRow> rows, ForumDays days, ICurrentUser? reader,
        CancellationToken cancellationToken)
    {
        var officialOnly = rows.Where(r => reader is not null && reader.SeesOfficialOnly(r.Confidential, r.OrganizationId))
            .Select(r => r.Id).ToList();
        var lastAccepted = officialOnly.Count == 0
            ? new Dictionary<Guid, DateTime>()
            : await db.ProgressUpdates.AsNoTracking()
                .Where(u => officialOnly.Contains(u.AssignmentId) && u.State == ProgressUpdateState.Accepted)
                .GroupBy(u => u.AssignmentId)
                .Select(g => new { AssignmentId = g.Key, Last = g.Max(u => u.SubmittedAt) })
                .ToDictionaryAsync(g => g.AssignmentId, g => g.Last, cancellationToken);
        return [.. rows.Select(r => officialOnly.Contains(r.Id)
            ? r.ToOfficialDto(days.Today(r.ForumId), lastAccepted.TryGetValue(r.Id, out var last) ? last : null)
            : r.ToDto(days.Today(r.ForumId)))];
    }
}
