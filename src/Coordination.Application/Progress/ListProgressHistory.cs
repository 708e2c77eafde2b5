using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <summary>
/// An assignment's updates, newest first, for whoever may read its forum; the history is never overwritten. In a
/// confidential forum, only the accepted ones for a reader who does not act for the assigned organization.
/// </summary>
public sealed record ListProgressHistoryQuery(Guid AssignmentId, int? Page = null, int? PageSize = null)
    : IQuery<Paged<ProgressUpdateDto>>, IPagedQuery;

public sealed class ListProgressHistoryValidator : AbstractValidator<ListProgressHistoryQuery>
{
    public ListProgressHistoryValidator() => this.AddPagingRules();
}

public sealed class ListProgressHistoryHandler(ICoordinationDbContext db, ICurrentUser user)
    : IQueryHandler<ListProgressHistoryQuery, Paged<ProgressUpdateDto>>
{
    public async ValueTask<Paged<ProgressUpdateDto>> Handle(ListProgressHistoryQuery query, CancellationToken cancellationToken)
    {
        var visibility = await db.ProgressVisibilityAsync(user, query.AssignmentId, cancellationToken);
        if (visibility == ProgressVisibility.None)
            throw new NotFoundException("Assignment", query.AssignmentId);

        var updates = db.ProgressUpdates.AsNoTracking().Where(u => u.AssignmentId == query.AssignmentId);
        if (visibility == ProgressVisibility.OfficialOnly)
            updates = updates.Where(u => u.State == ProgressUpdateState.Accepted);

        // Ids are time-ordered (v7): they break ties between updates saved within the same instant.
        var page = await updates
            .OrderByDescending(u => u.SubmittedAt).ThenByDescending(u => u.Id)
            .Select(ProgressUpdateDto.Projection)
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
        return visibility == ProgressVisibility.OfficialOnly
            ? new Paged<ProgressUpdateDto>([.. page.Items.Select(u => u.AsOfficial())], page.Page, page.PageSize, page.TotalCount)
            : page;
    }
}
