using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.People;
using Mediator;

namespace Coordination.Application.Notifications;

public sealed record GetMyPreferencesQuery : IQuery<MyPreferencesDto>;

public sealed class GetMyPreferencesHandler(IAccounts accounts, ICurrentUser user) : IQueryHandler<GetMyPreferencesQuery, MyPreferencesDto>
{
    public async ValueTask<MyPreferencesDto> Handle(GetMyPreferencesQuery query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new UnauthenticatedException();
        var person = await accounts.FindMailRecipientAsync(userId, cancellationToken) ?? throw new NotFoundException("Person", userId);
        return new MyPreferencesDto(person.ReceivesDigest);
    }
}
