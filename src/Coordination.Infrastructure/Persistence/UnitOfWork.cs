using Coordination.Application.Common.Abstractions;
using Coordination.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore.Storage;

namespace Coordination.Infrastructure.Persistence;

internal sealed class UnitOfWork(CoordinationDbContext db, AuditContext auditContext) : IUnitOfWork
{
    public async Task<IUnitOfWorkTransaction> BeginAsync(string action, CancellationToken cancellationToken)
    {
        auditContext.Action = action;
        return new Transaction(await db.Database.BeginTransactionAsync(cancellationToken));
    }

    private sealed class Transaction(IDbContextTransaction transaction) : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
