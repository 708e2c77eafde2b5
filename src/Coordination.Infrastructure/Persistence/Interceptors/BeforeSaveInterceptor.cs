using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coordination.Infrastructure.Persistence.Interceptors;

/// <summary>Runs one step over the change tracker before every save, sync or async.</summary>
internal abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    protected abstract void BeforeSave(DbContext context);

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
            BeforeSave(context);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            BeforeSave(context);
        return ValueTask.FromResult(result);
    }
}
