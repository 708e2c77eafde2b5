using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.People;
using Coordination.Domain.Imports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Application.Imports.Runs;

/// <summary>
/// Carries out a queued import run (<see cref="RunId"/>), or, without one, sweeps: gives up on runs that stopped their
/// worker <see cref="ImportRun.MaxAttempts"/> times, releases the files of runs finished more than
/// <see cref="ImportOptions.KeepFilesDays"/> ago and of expired checked files (deleting those a day after they expired),
/// then carries out the oldest run whose job was lost (queued for longer than <see cref="LostAfter"/>) or whose worker
/// died (claim lapsed). One run per sweep: the sweep is minutely and only for the exceptions. Returns how many runs it
/// finished. Run by the job as the system actor.
/// </summary>
/// <remarks>
/// Deliberately an <see cref="IRequest{TResponse}"/> and not a command: it manages its own transactions. A run is
/// claimed by one conditional UPDATE (a fresh token and a lease), so of two workers racing for it exactly one carries
/// it out; the import and the run's completion (report, state, mail) are one transaction, whose UPDATE of the run
/// checks its version, so a worker whose claim was taken over commits nothing. The progress is written beside it, in
/// short transactions of its own (<see cref="ImportProgressWriter"/>). A run whose rows have errors, or whose file
/// cannot be read, ends Failed with nothing of the plan written.
/// </remarks>
public sealed record RunQueuedImportsCommand(Guid? RunId = null) : IRequest<int>, ISecretariatOnly
{
    /// <summary>A queued run not started after this long lost its job (the enqueue failed, the job storage was lost).</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(2);

    /// <summary>The audit's action for the plan's changes: the same as an import done at once.</summary>
    public const string AuditAction = "ImportActionPoints";

    /// <summary>
    /// How long an expired checked file's run (its file released) stays before the sweep deletes it, so a person who
    /// comes back to the page that offered it reads why it cannot be imported rather than "not found".
    /// </summary>
    public static readonly TimeSpan ExpiredCheckedKept = TimeSpan.FromDays(1);
}

public sealed partial class RunQueuedImportsHandler(
    ICoordinationDbContext db,
    IUnitOfWork unitOfWork,
    PlanFileReader reader,
    ActionPointImporter importer,
    IAccounts accounts,
    IPublicBaseUrl baseUrl,
    IOutboxDispatchTrigger outbox,
    MailOutbox mails,
    IServiceScopeFactory scopes,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<RunQueuedImportsHandler> logger)
    : IRequestHandler<RunQueuedImportsCommand, int>
{
    public async ValueTask<int> Handle(RunQueuedImportsCommand request, CancellationToken cancellationToken)
    {
        if (request.RunId is { } runId)
            return await TryRunAsync(runId, cancellationToken) ? 1 : 0;

        var finished = await GiveUpOnExhaustedAsync(cancellationToken);
        await ReleaseOldFilesAsync(cancellationToken);
        var now = clock.UtcNow();
        var lostBefore = now - RunQueuedImportsCommand.LostAfter;
        var lost = await db.ImportRuns.AsNoTracking()
            .Where(r => (r.State == ImportRunState.Queued && r.CreatedAt <= lostBefore)
                || (r.State == ImportRunState.Running && r.ClaimedUntil < now && r.Attempts < ImportRun.MaxAttempts))
            .OrderBy(r => r.CreatedAt)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (lost is { } id && await TryRunAsync(id, cancellationToken))
            finished++;
        return finished;
    }

    /// <summary>Claims the run if it is queued or its claim lapsed, and carries it out to a recorded end.</summary>
    private async Task<bool> TryRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var token = Guid.NewGuid();
        var leaseUntil = now + ImportRun.Lease;
        var claimed = await db.ImportRuns
            .Where(r => r.Id == runId && r.Attempts < ImportRun.MaxAttempts
                && (r.State == ImportRunState.Queued || (r.State == ImportRunState.Running && r.ClaimedUntil < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ImportRunState.Running)
                .SetProperty(r => r.ClaimToken, token)
                .SetProperty(r => r.ClaimedUntil, leaseUntil)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        if (claimed == 0)
            return false;

        var run = await db.ImportRuns.AsNoTracking()
            .Where(r => r.Id == runId)
            .Select(r => new { r.ForumId, r.FileName, r.Content, r.RowsTotal })
            .SingleAsync(cancellationToken);
        ImportReport? report;
        try
        {
            var rows = reader.Read(run.FileName, run.Content);
            var progress = new ImportProgressWriter(scopes, clock, logger, runId, token, rows.Count);
            await using (progress)
            {
                // The progress writer outlives the transaction: on SQLite its writes wait for the commit's lock.
                await using var transaction = await unitOfWork.BeginAsync(RunQueuedImportsCommand.AuditAction, cancellationToken);
                report = await importer.RunAsync(run.ForumId, rows, dryRun: false, progress, cancellationToken);
                if (!report.HasErrors)
                {
                    var finishedRun = await db.ImportRuns.SingleAsync(r => r.Id == runId, cancellationToken);
                    if (finishedRun.ClaimToken != token)
                        return false; // taken over while this worker was slow: the other one finishes it; nothing commits here
                    finishedRun.Complete(ImportRunReports.Write(report), clock.UtcNow());
                    await AddMailAsync(db, mails, accounts, baseUrl, finishedRun, report, cancellationToken);
                    // The version in this UPDATE's WHERE refuses the commit if another worker claimed the run since.
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    outbox.DispatchSoon();
                    return true;
                }
            }
        }
        catch (ValidationException refused)
        {
            // The file itself was refused (it may have been stored under other limits).
            await FailAsync(runId, token, report: null, string.Join(" ", refused.Errors.Select(e => e.ErrorMessage)), cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            LogTakenOver(runId);
            return false;
        }
        catch (Exception ex)
        {
            // Stopped (shutdown) or broken: nothing was committed. The claim is let go at once, and the sweep tries
            // again until the run has stopped its workers MaxAttempts times.
            await ReleaseAsync(runId, token);
            if (ex is not OperationCanceledException)
                LogStopped(ex, runId);
            throw;
        }

        // The rows have errors: the importer wrote nothing, and the run says why.
        await FailAsync(runId, token, report, failure: null, cancellationToken);
        return true;
    }

    /// <summary>
    /// Files are kept only as long as they may be needed: a finished run's for <see cref="ImportOptions.KeepFilesDays"/>
    /// (its report stays), a checked file's until it expires. Two statements, whatever the number of runs.
    /// </summary>
    private async Task ReleaseOldFilesAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var finishedBefore = now - TimeSpan.FromDays(Math.Max(0, options.Value.KeepFilesDays));
        var checkedBefore = now - ImportRun.CheckedLifetime;
        await db.ImportRuns
            .Where(r => r.FileReleasedAt == null
                && (((r.State == ImportRunState.Completed || r.State == ImportRunState.Failed) && r.FinishedAt < finishedBefore)
                    || (r.State == ImportRunState.Checked && r.CreatedAt < checkedBefore)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Content, Array.Empty<byte>())
                .SetProperty(r => r.FileReleasedAt, now)
                .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        var expiredBefore = checkedBefore - RunQueuedImportsCommand.ExpiredCheckedKept;
        await db.ImportRuns.Where(r => r.State == ImportRunState.Checked && r.CreatedAt < expiredBefore).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<int> GiveUpOnExhaustedAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var exhausted = await db.ImportRuns.AsNoTracking()
            .Where(r => r.State == ImportRunState.Running && r.ClaimedUntil < now && r.Attempts >= ImportRun.MaxAttempts)
            .OrderBy(r => r.CreatedAt) // oldest first, so a long backlog is worked through in a stable order
            .Select(r => r.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        foreach (var id in exhausted)
        {
            await FailAsync(id, token: null, report: null,
                $"The import stopped {ImportRun.MaxAttempts} times before it could finish; no row was saved.", cancellationToken);
        }

        return exhausted.Count;
    }

    /// <summary>
    /// Records the failure and its mail in a scope of its own: this scope's context may still hold what a failed import
    /// left in it, which must never be saved. Only while <paramref name="token"/>'s claim holds (or, giving up, a lapsed one).
    /// </summary>
    private async Task FailAsync(Guid runId, Guid? token, ImportReport? report, string? failure, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var scopeDb = services.GetRequiredService<ICoordinationDbContext>();
        var run = await scopeDb.ImportRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.IsFinished || (token is { } mine ? run.ClaimToken != mine : run.ClaimedUntil >= clock.UtcNow()))
            return;
        run.Fail(report is null ? null : ImportRunReports.Write(report), failure, clock.UtcNow());
        await AddMailAsync(
            scopeDb, services.GetRequiredService<MailOutbox>(), services.GetRequiredService<IAccounts>(), services.GetRequiredService<IPublicBaseUrl>(), run, report, cancellationToken);
        try
        {
            await scopeDb.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogTakenOver(runId);
            return;
        }

        outbox.DispatchSoon();
    }

    private async Task ReleaseAsync(Guid runId, Guid token)
    {
        try
        {
            var now = clock.UtcNow();
            await db.ImportRuns.Where(r => r.Id == runId && r.ClaimToken == token && r.State == ImportRunState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, now), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease lapses by itself.
            LogNotReleased(ex, runId);
        }
    }

    /// <summary>To the person who started the run, in their language, linking to the run's page.</summary>
    private async Task AddMailAsync(
        ICoordinationDbContext context, MailOutbox contextMails, IAccounts people, IPublicBaseUrl links, ImportRun run, ImportReport? report,
        CancellationToken cancellationToken)
    {
        var starter = await people.FindMailRecipientAsync(run.StartedById, cancellationToken);
        if (starter is not { IsActive: true })
            return;
        var forumTitle = await context.Forums.AsNoTracking().Where(f => f.Id == run.ForumId).Select(f => f.Title).SingleAsync(cancellationToken);
        var mail = ImportDoneMail.Write(starter.Language, run.FileName, forumTitle, report, run.Failure, links.Link($"/imports/{run.Id}"));
        await contextMails.AddOnceAsync(ImportDoneMail.Kind, ImportDoneMail.Key(run.Id), starter, mail, clock.UtcNow(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {RunId} was taken over by another worker; this one committed nothing")]
    private partial void LogTakenOver(Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import run {RunId} stopped; nothing was saved and it will be tried again")]
    private partial void LogStopped(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The claim on import run {RunId} could not be let go; it lapses by itself")]
    private partial void LogNotReleased(Exception exception, Guid runId);
}
