using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.People;

/// <summary>One person's account (secretariat).</summary>
public sealed record GetPersonQuery(Guid Id) : IQuery<PersonDto>, ISecretariatOnly;

public sealed class GetPersonHandler(IAccounts accounts) : IQueryHandler<GetPersonQuery, PersonDto>
{
    public async ValueTask<PersonDto> Handle(GetPersonQuery query, CancellationToken cancellationToken) =>
        PersonDto.From(await accounts.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Person", query.Id));
}
