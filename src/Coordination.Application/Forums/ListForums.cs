using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Forums;

public sealed record ListForumsQuery(string? Search = null, int? Page = null, int? PageSize = null)
    : IQuery<Paged<ForumDto>>, IPagedQuery;

public sealed class ListForumsValidator : AbstractValidator<ListForumsQuery>
{
    public ListForumsValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Search).MaximumLength(100);
    }
}

public sealed class ListForumsHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<ListForumsQuery, Paged<ForumDto>>
{
    public async ValueTask<Paged<ForumDto>> Handle(ListForumsQuery query, CancellationToken cancellationToken)
    {
        var forums = db.ReadableForums(user);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            forums = forums.Where(f => f.Title.ToLower().Contains(term) || f.Place.ToLower().Contains(term));
        }

        // Newest forum first: the one being followed up now is the one people look for.
        return await forums
            .OrderByDescending(f => f.StartDate).ThenBy(f => f.Title).ThenBy(f => f.Id)
            .Select(ForumDto.Projection)
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
    }
}
