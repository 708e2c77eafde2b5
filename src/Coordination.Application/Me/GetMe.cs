using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.Me;

public sealed record MeDto(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? OrganizationId);

public sealed record GetMeQuery : IQuery<MeDto>;

public sealed class GetMeHandler(ICurrentUser user) : IQueryHandler<GetMeQuery, MeDto>
{
    public ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new MeDto(
            user.UserId!.Value, user.Email ?? "", user.DisplayName ?? user.Email ?? "", user.Roles, user.OrganizationId));
}
