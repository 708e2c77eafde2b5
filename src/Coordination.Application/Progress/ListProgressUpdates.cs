using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <summary>
/// Updates across assignments, oldest first: with <c>state=Submitted</c>, the secretariat's validation queue. Each item
/// names its action point and organization so the queue reads without a look-up per row.
/// </summary>
public sealed record ListProgressUpdatesQuery(
    ProgressUpdateState? State = null, Guid? ForumId = null, Guid? OrganizationId = null, int? Page = null, int? PageSize = null)
    : IQuery<Paged<ProgressQueueItemDto>>, IPagedQuery, ISecretariatOnly;

public sealed record ProgressQueueItemDto(
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
    string Version,
    Guid ForumId,
    Guid ActionPointId,
    string ActionPointCode,
    string ActionPointTitle,
    Guid OrganizationId,
    string OrganizationName,
    string OrganizationAcronym);

public sealed class ListProgressUpdatesValidator : AbstractValidator<ListProgressUpdatesQuery>
{
    public ListProgressUpdatesValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.State).IsInEnum();
    }
}

public sealed class ListProgressUpdatesHandler(ICoordinationDbContext db)
    : IQueryHandler<ListProgressUpdatesQuery, Paged<ProgressQueueItemDto>>
{
    public async ValueTask<Paged<ProgressQueueItemDto>> Handle(ListProgressUpdatesQuery query, CancellationToken cancellationToken)
    {
        var rows =
            from u in db.ProgressUpdates.AsNoTracking()
            join a in db.Assignments.AsNoTracking() on u.AssignmentId equals a.Id
            join p in db.ActionPoints.AsNoTracking() on a.ActionPointId equals p.Id
            join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
            select new { u, a, p, o };
        if (query.State is { } state)
            rows = rows.Where(r => r.u.State == state);
        if (query.ForumId is { } forumId)
            rows = rows.Where(r => r.p.ForumId == forumId);
        if (query.OrganizationId is { } organizationId)
            rows = rows.Where(r => r.a.OrganizationId == organizationId);

        return await rows
            .OrderBy(r => r.u.SubmittedAt).ThenBy(r => r.u.Id)
            .Select(r => new ProgressQueueItemDto(
                r.u.Id,
                r.u.AssignmentId,
                r.u.Status,
                r.u.PercentComplete,
                r.u.Narrative,
                r.u.Obstacles,
                r.u.SupportNeeded,
                r.u.EvidenceLinks,
                r.u.IndicatorValue,
                r.u.ReviewCycleId,
                r.u.State,
                r.u.SubmittedAt,
                new PersonRefDto(r.u.SubmittedById, r.u.SubmittedByName),
                r.u.RevisionOfId,
                r.u.ReviewedAt,
                r.u.ReviewedById == null ? null : new PersonRefDto(r.u.ReviewedById.Value, r.u.ReviewedByName ?? ""),
                r.u.ReviewComment,
                r.u.Version.ToString(),
                r.p.ForumId,
                r.p.Id,
                r.p.Code,
                r.p.Title,
                r.o.Id,
                r.o.Name,
                r.o.Acronym))
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
    }
}
