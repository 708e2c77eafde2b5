using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Domain.ReviewCycles;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>A forum's review cycles, the latest opening first.</summary>
public sealed record ListReviewCyclesQuery(Guid ForumId, ReviewCycleState? State = null, int? Page = null, int? PageSize = null)
    : IQuery<Paged<ReviewCycleDto>>, IPagedQuery;

public sealed class ListReviewCyclesValidator : AbstractValidator<ListReviewCyclesQuery>
{
    public ListReviewCyclesValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.State).IsInEnum();
    }
}

public sealed class ListReviewCyclesHandler(ICoordinationDbContext db, ICurrentUser user)
    : IQueryHandler<ListReviewCyclesQuery, Paged<ReviewCycleDto>>
{
    public async ValueTask<Paged<ReviewCycleDto>> Handle(ListReviewCyclesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.CanReadForumAsync(user, query.ForumId, cancellationToken))
            throw new NotFoundException("Forum", query.ForumId);

        var cycles = db.ReviewCycles.AsNoTracking().Where(c => c.ForumId == query.ForumId);
        if (query.State is { } state)
            cycles = cycles.Where(c => c.State == state);
        return await cycles
            .OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id)
            .Select(ReviewCycleDto.Projection)
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
    }
}
