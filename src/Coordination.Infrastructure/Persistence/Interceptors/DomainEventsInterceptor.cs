using System.Collections.Concurrent;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Before each save, hands the tracked entities' domain events to their handlers, until no handler raises more. The
/// handlers' writes (projections, outbox rows) are saved in the same SaveChanges, so in the same transaction.
/// </summary>
internal sealed class DomainEventsInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private const int MaxRounds = 10;
    private static readonly ConcurrentDictionary<Type, Type[]> HandlerTypes = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        HasEvents(eventData.Context)
            ? throw new InvalidOperationException("Domain events are dispatched asynchronously: call SaveChangesAsync.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
            return result;

        for (var round = 0; HasEvents(context); round++)
        {
            if (round == MaxRounds)
                throw new InvalidOperationException("Domain event handlers keep raising events; there is a cycle.");
            var events = context.ChangeTracker.Entries<Entity>()
                .SelectMany(e =>
                {
                    var raised = e.Entity.DomainEvents.ToList();
                    e.Entity.ClearDomainEvents();
                    return raised;
                })
                .ToList();
            foreach (var domainEvent in events)
                await DispatchAsync(domainEvent, cancellationToken);
        }

        return result;
    }

    private static bool HasEvents(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries<Entity>().Any(e => e.Entity.DomainEvents.Count > 0);

    private async Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        foreach (var handlerType in HandlerTypes.GetOrAdd(domainEvent.GetType(), HandlersFor))
        {
            foreach (var handler in services.GetServices(handlerType))
            {
                var handle = handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!;
                await (Task)handle.Invoke(handler, [domainEvent, cancellationToken])!;
            }
        }
    }

    /// <summary>Handlers of the event's own type and of every event interface it implements.</summary>
    private static Type[] HandlersFor(Type eventType) =>
        [.. new[] { eventType }
            .Concat(eventType.GetInterfaces().Where(i => i != typeof(IDomainEvent) && typeof(IDomainEvent).IsAssignableFrom(i)))
            .Select(t => typeof(IDomainEventHandler<>).MakeGenericType(t))];
}
