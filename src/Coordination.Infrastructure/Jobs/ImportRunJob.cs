using Coordination.Application.Imports.Runs;
using Coordination.Infrastructure.Identity;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Infrastructure.Jobs;

/// <summary>
/// Background imports: <see cref="RunAsync"/> carries out one queued run, enqueued when it was stored; the minutely
/// <see cref="SweepAsync"/> picks up runs whose job was lost or whose worker died, and releases the files of old finished
/// runs (<c>Imports:KeepFilesDays</c>) and of expired checked files. No Hangfire retries: the run's row
/// keeps its own attempts and the sweep retries, so the job storage holds nothing that matters.
/// </summary>
public sealed class ImportRunJob(SystemActor system, ISender sender)
{
    public const string SweepId = "import-runs-sweep";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        system.Activate();
        await sender.Send(new RunQueuedImportsCommand(runId), cancellationToken);
    }

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        system.Activate();
        await sender.Send(new RunQueuedImportsCommand(), cancellationToken);
    }
}

/// <summary>Enqueues one run's job; any instance's job server picks it up.</summary>
internal sealed partial class HangfireImportRunTrigger(IServiceProvider services, ILogger<HangfireImportRunTrigger> logger)
    : IImportRunTrigger
{
    public void RunSoon(Guid runId)
    {
        try
        {
            // Resolved here, as the outbox trigger does: a job storage failure must not fail a request that committed.
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<ImportRunJob>(job => job.RunAsync(runId, CancellationToken.None));
        }
        catch (Exception ex)
        {
            // The run is safe in its table; the sweep starts it.
            LogNotEnqueued(ex, runId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue import run {RunId}; the sweep will start it")]
    private partial void LogNotEnqueued(Exception exception, Guid runId);
}
