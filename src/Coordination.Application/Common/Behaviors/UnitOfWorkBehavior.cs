using Coordination.Application.Common.Abstractions;
using Mediator;

namespace Coordination.Application.Common.Behaviors;

/// <summary>
/// Innermost step for commands: one transaction around the handler and its SaveChanges, so the aggregate,
/// the projections, the audit entry and the outbox rows are written together or not at all.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, ICoordinationDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
            return await next(message, cancellationToken);

        await using var transaction = await unitOfWork.BeginAsync(UseCaseName.Of(message), cancellationToken);
        var response = await next(message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
