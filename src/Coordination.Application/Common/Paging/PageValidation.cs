using FluentValidation;

namespace Coordination.Application.Common.Paging;

public interface IPagedQuery
{
    int? Page { get; }

    int? PageSize { get; }
}

public static class PageValidation
{
    /// <summary>The paging rules every list shares: page from 1, page size 1–200.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IPagedQuery
    {
        validator.RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null);
        validator.RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize is not null);
    }
}
