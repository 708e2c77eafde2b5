using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.Imports.Runs;
using Coordination.Application.Notifications;
using Coordination.Domain.Imports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Application.Imports;

/// <summary>
/// Imports a forum's plan from a CSV or XLSX file, for the upload page and <c>POST /api/imports/action-points</c> alike.
/// The file is read once. A dry run (the default) checks every row and writes nothing; a commit writes every row or,
/// when any row has an error, nothing (the report then lists the errors). With <see cref="Background"/>, a large file
/// (<see cref="ImportOptions.IsLarge"/>) is stored as a queued run instead (<see cref="ImportReport.Run"/>). With
/// <see cref="KeepChecked"/>, a dry run without errors keeps the file as a checked run of the sender, which
/// <see cref="ForCheckedFile"/> imports later without a new upload (checked again, all or nothing).
/// </summary>
public sealed record ImportActionPointsCommand(
    Guid ForumId, string FileName, byte[] Content, bool DryRun = true, bool Background = false, bool KeepChecked = false)
    : ICommand<ImportReport>, ISecretariatOnly
{
    /// <summary>The sender's checked file to import, instead of <see cref="FileName"/> and <see cref="Content"/>.</summary>
    public Guid? CheckedRunId { get; init; }

    public static ImportActionPointsCommand ForCheckedFile(Guid forumId, Guid checkedRunId) =>
        new(forumId, "", [], DryRun: false, Background: true) { CheckedRunId = checkedRunId };
}

public sealed class ImportActionPointsValidator : AbstractValidator<ImportActionPointsCommand>
{
    public ImportActionPointsValidator()
    {
        RuleFor(c => c.ForumId).NotEmpty();
        RuleFor(c => c.FileName).NotEmpty().WithName(PlanFileReader.Field).OverridePropertyName(PlanFileReader.Field)
            .When(c => c.CheckedRunId is null);
        RuleFor(c => Path.GetFileName(c.FileName)).MaximumLength(ImportRun.FileNameMaxLength)
            .WithName(PlanFileReader.Field).OverridePropertyName(PlanFileReader.Field)
            .When(c => c.Background || c.KeepChecked); // only a stored file's name is limited
    }
}

/// <summary>
/// Reads the file (or the checked one), then checks and imports it now or stores it as a run; the unit of work around
/// it commits or rolls back. The caller starts the follow-ups once it committed (<see cref="ImportFollowUps.Start"/>).
/// </summary>
public sealed class ImportActionPointsHandler(
    ICoordinationDbContext db,
    PlanFileReader reader,
    ActionPointImporter importer,
    IOptions<ImportOptions> options,
    ICurrentUser user,
    TimeProvider clock)
    : ICommandHandler<ImportActionPointsCommand, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportActionPointsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var (fileName, content) = (Path.GetFileName(command.FileName), command.Content);
        ImportRun? kept = null;
        if (command.CheckedRunId is { } checkedRunId)
        {
            // Someone else's checked file is theirs alone: to anyone else it does not exist.
            kept = await db.ImportRuns.SingleOrDefaultAsync(
                    r => r.Id == checkedRunId && r.ForumId == command.ForumId && r.StartedById == Me(), cancellationToken)
                ?? throw new NotFoundException("Import", checkedRunId);
            kept.EnsureImportable(now);
            (fileName, content) = (kept.FileName, kept.Content);
            if (!command.DryRun && command.Background && options.Value.IsLarge(kept.Size, kept.RowsTotal))
            {
                kept.QueueChecked(now); // its rows are known: the background run reads the file and checks every row again
                return Handed(kept);
            }
        }

        var rows = reader.Read(fileName, content); // the only time this request reads the file
        if (kept is null && !command.DryRun && command.Background && options.Value.IsLarge(content.LongLength, rows.Count))
        {
            if (!await db.Forums.AnyAsync(f => f.Id == command.ForumId, cancellationToken))
                throw new NotFoundException("Forum", command.ForumId);
            var queued = ImportRun.Queue(command.ForumId, Me(), fileName, content, rows.Count, now);
            db.ImportRuns.Add(queued);
            return Handed(queued);
        }

        // A checked file too is checked again: the plan may have changed since; all rows or none.
        var report = await importer.RunAsync(command.ForumId, rows, command.DryRun, progress: null, cancellationToken);
        if (kept is not null && report.Written)
        {
            // Loaded again: the importer stops tracking what it did not write. Its version refuses a second confirmation racing this one.
            var imported = await db.ImportRuns.SingleAsync(r => r.Id == kept.Id, cancellationToken);
            imported.CompleteChecked(ImportRunReports.Write(report), now);
            return report with { Run = new ImportRunRef(imported.Id, imported.State) };
        }

        if (kept is null && command.DryRun && command.KeepChecked && !report.HasErrors)
        {
            var run = ImportRun.Check(command.ForumId, Me(), fileName, content, rows.Count, ImportRunReports.Write(report), now);
            db.ImportRuns.Add(run);
            return report with { Run = new ImportRunRef(run.Id, run.State) };
        }

        return report;
    }

    private Guid Me() => user.UserId ?? throw new UnauthenticatedException();

    /// <summary>A file handed to a background run: nothing done yet, the run's page and mail will tell.</summary>
    private static ImportReport Handed(ImportRun run) =>
        new(run.RowsTotal, 0, 0, 0, 0, 0, 0, 0, [], DryRun: false, Written: false) { Run = new ImportRunRef(run.Id, run.State) };
}

/// <summary>What follows an import once its request committed, for the page and the API alike.</summary>
public static class ImportFollowUps
{
    public static void Start(this ImportReport report, IImportRunTrigger trigger, IOutboxDispatchTrigger outbox)
    {
        if (report.Run is { State: ImportRunState.Queued } run)
            trigger.RunSoon(run.Id); // after the commit, so the job finds the run; the sweep starts it if the job is lost
        if (report.Written)
            outbox.DispatchSoon(); // the focal points' mails about their new assignments
    }
}
