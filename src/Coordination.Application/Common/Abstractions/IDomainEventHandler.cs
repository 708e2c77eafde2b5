using Coordination.Domain.Common;

namespace Coordination.Application.Common.Abstractions;

/// <summary>
/// Reacts to a domain event inside the unit of work, before the commit: projections, audit details and outbox mails
/// are written in the same transaction as the change. Handlers registered for an interface the event implements
/// (e.g. <c>IAssignmentEvent</c>) receive it too.
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
