using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Paging;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Organizations;

public sealed record ListOrganizationsQuery(
    OrganizationKind? Kind = null, string? CountryCode = null, string? Search = null, int? Page = null, int? PageSize = null)
    : IQuery<Paged<OrganizationDto>>, IPagedQuery;

public sealed class ListOrganizationsValidator : AbstractValidator<ListOrganizationsQuery>
{
    public ListOrganizationsValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.CountryCode).Must(CountryCatalogue.IsKnown).When(q => q.CountryCode is not null)
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-3 country code.");
        RuleFor(q => q.Search).MaximumLength(100);
    }
}

public sealed class ListOrganizationsHandler(ICoordinationDbContext db)
    : IQueryHandler<ListOrganizationsQuery, Paged<OrganizationDto>>
{
    public async ValueTask<Paged<OrganizationDto>> Handle(ListOrganizationsQuery query, CancellationToken cancellationToken)
    {
        var organizations = db.Organizations.AsNoTracking();
        if (query.Kind is { } kind)
            organizations = organizations.Where(o => o.Kind == kind);
        if (query.CountryCode is { } country)
            organizations = organizations.Where(o => o.CountryCode == country);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            organizations = organizations.Where(o => o.Name.ToLower().Contains(term) || o.Acronym.ToLower().Contains(term));
        }

        return await organizations
            .OrderBy(o => o.CountryCode).ThenBy(o => o.Name)
            .Select(OrganizationDto.Projection)
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
    }
}
