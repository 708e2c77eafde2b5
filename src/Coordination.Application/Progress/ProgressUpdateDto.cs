using System.Linq.Expressions;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.ActionPoints;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <summary>Who submitted or reviewed an update, as the history shows them.</summary>
public sealed record PersonRefDto(Guid Id, string Name);

/// <summary>One progress update as the API returns it; <c>state</c> is Submitted, Accepted or Returned.</summary>
public sealed record ProgressUpdateDto(
    Guid Id,
    Guid AssignmentId,
    AssignmentStatus Status,
    int PercentComplete,
    string Narrative,
    string? Obstacles,
    string? SupportNeeded,
    IReadOnlyList<string> EvidenceLinks,
    decimal? IndicatorValue,
    Guid? ReviewCycleId,
    ProgressUpdateState State,
    DateTime SubmittedAt,
    PersonRefDto SubmittedBy,
    Guid? RevisionOfId,
    DateTime? ReviewedAt,
    PersonRefDto? ReviewedBy,
    string? ReviewComment,
    string Version)
{
    public static readonly Expression<Func<ProgressUpdate, ProgressUpdateDto>> Projection = u =>
        new ProgressUpdateDto(
            u.Id,
            u.AssignmentId,
            u.Status,
            u.PercentComplete,
            u.Narrative,
            u.Obstacles,
            u.SupportNeeded,
            u.EvidenceLinks,
            u.IndicatorValue,
            u.ReviewCycleId,
            u.State,
            u.SubmittedAt,
            new PersonRefDto(u.SubmittedById, u.SubmittedByName),
            u.RevisionOfId,
            u.ReviewedAt,
            u.ReviewedById == null ? null : new PersonRefDto(u.ReviewedById.Value, u.ReviewedByName ?? ""),
            u.ReviewComment,
            u.Version.ToString());

}

internal static class ProgressUpdateReads
{
    /// <summary>
    /// The update as stored, even right after saving it: the database keeps instants to the microsecond, so an answer
    /// built from the entity in memory would differ from every later read of the same update (and from a retry's).
    /// </summary>
    public static Task<ProgressUpdateDto> ReadProgressUpdateAsync(this ICoordinationDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(ProgressUpdateDto.Projection)
            .SingleAsync(cancellationToken);
}
