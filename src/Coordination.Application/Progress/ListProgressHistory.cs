using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <summary>An assignment's updates, newest first, for whoever may read its forum; the history is never overwritten.</summary>
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
        if (!await db.CanReadAssignmentAsync(user, query.AssignmentId, cancellationToken))
            throw new NotFoundException("Assignment", query.AssignmentId);

        // Ids are time-ordered (v7): they break ties between updates saved within the same instant.
        return await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.AssignmentId == query.AssignmentId)
            .OrderByDescending(u => u.SubmittedAt).ThenByDescending(u => u.Id)
            .Select(ProgressUpdateDto.Projection)
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
    }
}
