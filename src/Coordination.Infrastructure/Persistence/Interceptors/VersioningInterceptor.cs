using Coordination.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Bumps <see cref="IVersioned.Version"/> on every saved change. The old value stays the concurrency token in
/// the UPDATE's WHERE clause, so a change racing another one fails instead of overwriting it.
/// </summary>
internal sealed class VersioningInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.IncrementVersion();
        }
    }
}
