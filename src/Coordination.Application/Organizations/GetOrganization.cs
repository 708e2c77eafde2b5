using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Organizations;

public sealed record GetOrganizationQuery(Guid Id) : IQuery<OrganizationDto>;

public sealed class GetOrganizationHandler(ICoordinationDbContext db) : IQueryHandler<GetOrganizationQuery, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(GetOrganizationQuery query, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.Id == query.Id)
            .Select(OrganizationDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Organization", query.Id);
}
