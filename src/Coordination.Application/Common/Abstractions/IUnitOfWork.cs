namespace Coordination.Application.Common.Abstractions;

/// <summary>One database transaction around a command: the aggregate, its projections, audit and outbox rows.</summary>
public interface IUnitOfWork
{
    Task<IUnitOfWorkTransaction> BeginAsync(string action, CancellationToken cancellationToken);
}

public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
