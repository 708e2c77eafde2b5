using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.People;

/// <summary>The people of one organization with their role and whether their account is active (secretariat).</summary>
public sealed record ListPeopleQuery(Guid OrganizationId) : IQuery<IReadOnlyList<PersonDto>>, ISecretariatOnly;

public sealed class ListPeopleHandler(ICoordinationDbContext db, IAccounts accounts) : IQueryHandler<ListPeopleQuery, IReadOnlyList<PersonDto>>
{
    public async ValueTask<IReadOnlyList<PersonDto>> Handle(ListPeopleQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == query.OrganizationId, cancellationToken))
            throw new NotFoundException("Organization", query.OrganizationId);
        var people = await accounts.ListByOrganizationAsync(query.OrganizationId, cancellationToken);
        return [.. people.Select(PersonDto.From)];
    }
}
