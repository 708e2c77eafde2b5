using System.Collections.Concurrent;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Application.Imports.Runs;

/// <summary>
/// The rows done of the runs this process is carrying out, at once. The run's row is updated only every so many rows,
/// and on SQLite not at all while the import's transaction holds the database's single write lock (the update waits
/// for the commit): this keeps the progress bar moving there. Process-wide by nature; keyed by run id, so hosts
/// sharing a process (tests) never see each other's runs.
/// </summary>
internal static class ImportProgressBoard
{
    private static readonly ConcurrentDictionary<Guid, int> Live = new();

    public static int RowsDone(Guid runId) => Live.TryGetValue(runId, out var rows) ? rows : 0;

    public static void Set(Guid runId, int rows) => Live.AddOrUpdate(runId, rows, (_, old) => Math.Max(old, rows));

    public static void Remove(Guid runId) => Live.TryRemove(runId, out _);
}

/// <summary>
/// The importer's progress callback for one claimed run. The importer reports percent done (checking the rows, then
/// writing them), turned here into rows of the run's total. Each report is posted on <see cref="ImportProgressBoard"/>;
/// every <see cref="SaveEvery"/> rows (or every percent, for smaller files), and at least every minute, the count is
/// written to the run's row and its claim's lease extended, in a
/// scope and transaction of its own — never the import's, which stays open until every row is written, so that other
/// instances see the progress while the import is still all-or-none. The writes happen behind the import, in their
/// own loop: the import never waits for one (on SQLite one waits for the import's commit), and a failed write only
/// leaves the bar behind. Disposed after the import's transaction ended.
/// </summary>
internal sealed partial class ImportProgressWriter : IProgress<int>, IAsyncDisposable
{
    public const int SaveEvery = 250;

    /// <summary>How often the claim's lease is extended when no count came: far inside <see cref="ImportRun.Lease"/>.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromMinutes(1);

    private readonly int _rowsTotal;
    private readonly int _step;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Guid _runId;
    private readonly Guid _claimToken;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _latest;
    private int _signalled;

    public ImportProgressWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, Guid runId, Guid claimToken, int rowsTotal)
    {
        _rowsTotal = rowsTotal;
        _step = Math.Clamp(rowsTotal / 100, 1, SaveEvery);
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        _runId = runId;
        _claimToken = claimToken;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary><paramref name="value"/> is the importer's percent done.</summary>
    public void Report(int value)
    {
        value = (int)((long)_rowsTotal * Math.Clamp(value, 0, 100) / 100);
        ImportProgressBoard.Set(_runId, value);
        InterlockedMax(ref _latest, value);
        if (value - Volatile.Read(ref _signalled) < _step)
            return;
        Volatile.Write(ref _signalled, value);
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A write is already due; it takes the latest count.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting: the finished run's row says the rest.
        }

        ImportProgressBoard.Remove(_runId);
        _stop.Dispose();
        _signal.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var written = 0;
        while (!_stop.IsCancellationRequested)
        {
            // A new count, or a heartbeat: a long write (one SaveChanges) reports nothing for a while, and its claim
            // must not lapse meanwhile, or another worker would start the same import.
            var signalled = await _signal.WaitAsync(HeartbeatEvery, _stop.Token);
            var rows = Volatile.Read(ref _latest);
            if (signalled && rows <= written)
                continue;
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ICoordinationDbContext>();
                var leaseUntil = _clock.UtcNow() + ImportRun.Lease;
                // Only while this worker still holds the claim, and never backwards.
                await db.ImportRuns
                    .Where(r => r.Id == _runId && r.ClaimToken == _claimToken && r.State == ImportRunState.Running && r.RowsDone <= rows)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.RowsDone, rows).SetProperty(r => r.ClaimedUntil, leaseUntil), _stop.Token);
                written = rows;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogProgressNotSaved(ex, _runId, rows);
            }
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Progress of import run {RunId} ({Rows} rows) not saved; the bar stays behind")]
    private partial void LogProgressNotSaved(Exception exception, Guid runId, int rows);
}
