using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.Common.Behaviors;

/// <summary>
/// Signed in unless the message allows anonymous callers; secretariat-only messages refused to everyone else;
/// then each resource rule registered for the message decides (403, or 404 when the resource must stay hidden).
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(
    ICurrentUser user, IEnumerable<IAccessRule<TMessage>> rules)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAllowAnonymous)
        {
            if (!user.IsAuthenticated)
                throw new UnauthenticatedException();
            if (message is ISecretariatOnly && !user.IsSecretariat())
                throw new ForbiddenException("Only the secretariat can do this.");
        }

        foreach (var rule in rules)
        {
            switch (await rule.DecideAsync(message, user, cancellationToken))
            {
                case AccessDecision.Forbid:
                    throw new ForbiddenException();
                case AccessDecision.Hide:
                    throw new NotFoundException(typeof(TMessage).Name, "requested");
            }
        }

        return await next(message, cancellationToken);
    }
}
