using Coordination.Domain.Common;

namespace Coordination.Domain.Imports;

public enum ImportRunState
{
    /// <summary>A file checked without errors and kept for its checker to import without sending it again.</summary>
    Checked,
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// A large spreadsheet import carried out in the background. The file itself is kept here, not in the job storage, so
/// losing the job storage loses nothing: a queued run whose job vanished, or a running one whose worker died, is picked
/// up again from this row. A worker holds a run through a claim (a token and a lease) taken by one conditional UPDATE,
/// as the outbox does. Not audited: it is the mechanics of an import, whose changes to the plan are audited row by row.
/// </summary>
public sealed class ImportRun : VersionedEntity, INotAudited
{
    public const int FileNameMaxLength = 255;

    /// <summary>How often a run may be claimed: a file that stops its worker every time is given up on, not tried forever.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// How long a claim keeps other workers away. Its worker extends it with every saved progress count and at least
    /// every minute; on SQLite those writes wait while the import's transaction holds the single write lock, and there
    /// no other worker can claim the run meanwhile either (its claim waits for the same lock).
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    /// <summary>How long a checked file may be imported; the sweep releases it then and deletes the run a day later.</summary>
    public static readonly TimeSpan CheckedLifetime = TimeSpan.FromHours(24);

    private ImportRun(Guid id)
        : base(id)
    {
        FileName = "";
        Content = [];
    }

    public Guid ForumId { get; private set; }

    /// <summary>The person who uploaded (or checked) the file: the one told by mail when it is done, the only one who may import a checked file.</summary>
    public Guid StartedById { get; private set; }

    public string FileName { get; private set; }

    public byte[] Content { get; private set; }

    public long Size { get; private set; }

    public ImportRunState State { get; private set; }

    public int RowsTotal { get; private set; }

    /// <summary>Written by the worker every so many rows, in its own short transaction, while the import's is open.</summary>
    public int RowsDone { get; private set; }

    /// <summary>The importer's report as JSON, once the run is finished (with the errors when it failed on them).</summary>
    public string? ReportJson { get; private set; }

    /// <summary>Why a run failed without a report (the file could not be read, the worker gave up).</summary>
    public string? Failure { get; private set; }

    /// <summary>When the run was stored: checked, or queued (a checked file is queued when its import is confirmed).</summary>
    public DateTime CreatedAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>Identifies the current claim; a worker whose claim was taken over finds another token here.</summary>
    public Guid? ClaimToken { get; private set; }

    /// <summary>A claim older than this may be taken over (its worker is presumed dead).</summary>
    public DateTime? ClaimedUntil { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the sweep released the file's content (<see cref="Content"/> is then empty); the report stays.</summary>
    public DateTime? FileReleasedAt { get; private set; }

    public bool IsFinished => State is ImportRunState.Completed or ImportRunState.Failed;

    public static ImportRun Queue(Guid forumId, Guid startedById, string fileName, byte[] content, int rowsTotal, DateTime now) =>
        new(Guid.CreateVersion7())
        {
            ForumId = forumId,
            StartedById = startedById,
            FileName = Guard.Required(fileName, "The file name", FileNameMaxLength),
            Content = content,
            Size = content.LongLength,
            State = ImportRunState.Queued,
            RowsTotal = Math.Max(0, rowsTotal),
            CreatedAt = now,
        };

    /// <summary>A file whose dry run found no error, kept with that run's report so its checker can import it without uploading it again.</summary>
    public static ImportRun Check(Guid forumId, Guid checkedById, string fileName, byte[] content, int rowsTotal, string reportJson, DateTime now)
    {
        var run = Queue(forumId, checkedById, fileName, content, rowsTotal, now);
        run.State = ImportRunState.Checked;
        run.ReportJson = reportJson;
        return run;
    }

    public bool IsExpired(DateTime now) => State == ImportRunState.Checked && now >= CreatedAt + CheckedLifetime;

    /// <summary>A checked file to import in the background: queued as if it had just been uploaded.</summary>
    public void QueueChecked(DateTime now)
    {
        EnsureImportable(now);
        State = ImportRunState.Queued;
        ReportJson = null;
        CreatedAt = now;
    }

    /// <summary>A checked file imported at once, during the request that confirmed it.</summary>
    public void CompleteChecked(string reportJson, DateTime now)
    {
        EnsureImportable(now);
        State = ImportRunState.Completed;
        RowsDone = RowsTotal;
        ReportJson = reportJson;
        StartedAt = now;
        Attempts = 1;
        Finish(now);
    }

    /// <summary>Only a checked file within its lifetime may be imported, and only once.</summary>
    public void EnsureImportable(DateTime now)
    {
        if (State != ImportRunState.Checked)
            throw new DomainException("This file was already imported.");
        if (IsExpired(now) || FileReleasedAt is not null)
            throw new DomainException("This checked file has expired: a checked file is kept for 24 hours. Choose the file and check it again.");
    }

    public void Complete(string reportJson, DateTime now)
    {
        EnsureRunning();
        State = ImportRunState.Completed;
        RowsDone = RowsTotal;
        ReportJson = reportJson;
        Finish(now);
    }

    /// <summary>Failed, with the importer's report of the rows' errors or with a sentence saying why.</summary>
    public void Fail(string? reportJson, string? failure, DateTime now)
    {
        if (IsFinished)
            throw new DomainException("This import has already finished.");
        State = ImportRunState.Failed;
        ReportJson = reportJson;
        Failure = failure;
        Finish(now);
    }

    private void EnsureRunning()
    {
        if (State != ImportRunState.Running)
            throw new DomainException("This import is not running.");
    }

    private void Finish(DateTime now)
    {
        FinishedAt = now;
        ClaimToken = null;
        ClaimedUntil = null;
    }
}
