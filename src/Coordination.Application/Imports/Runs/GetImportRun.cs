using System.Text.Json;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Imports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Imports.Runs;

/// <summary>
/// A background import as its page and <c>GET /api/imports/{id}</c> show it. <see cref="Report"/> is set once the run
/// finished (the counts, or the rows' errors when it failed on them), or, for a checked file, its dry run's;
/// <see cref="Failure"/> says why a run failed without a report. <see cref="ExpiresAt"/>: until when a checked file may be
/// imported; <see cref="FileReleasedAt"/>: when the file itself was released (no longer kept), the report staying.
/// </summary>
public sealed record ImportRunDto(
    Guid Id,
    Guid ForumId,
    string ForumTitle,
    string FileName,
    long Size,
    ImportRunState State,
    int RowsTotal,
    int RowsDone,
    ImportReport? Report,
    string? Failure,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    DateTime? ExpiresAt,
    DateTime? FileReleasedAt,
    string Version)
{
    public bool IsFinished => State is ImportRunState.Completed or ImportRunState.Failed;
}

public sealed record GetImportRunQuery(Guid Id) : IQuery<ImportRunDto>, ISecretariatOnly;

public sealed class GetImportRunHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<GetImportRunQuery, ImportRunDto>
{
    public async ValueTask<ImportRunDto> Handle(GetImportRunQuery query, CancellationToken cancellationToken)
    {
        // Never the file's content: only what the page shows. A checked file is its checker's alone.
        var run = await db.ImportRuns.AsNoTracking()
            .Where(r => r.Id == query.Id && (r.State != ImportRunState.Checked || r.StartedById == user.UserId))
            .Join(db.Forums, r => r.ForumId, f => f.Id, (r, f) => new
            {
                r.Id, r.ForumId, ForumTitle = f.Title, r.FileName, r.Size, r.State, r.RowsTotal, r.RowsDone, r.ReportJson,
                r.Failure, r.CreatedAt, r.StartedAt, r.FinishedAt, r.FileReleasedAt, r.Version,
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Import", query.Id);

        // A worker in this process reports progress at once; the row catches up every so many rows.
        var rowsDone = run.State == ImportRunState.Running ? Math.Max(run.RowsDone, ImportProgressBoard.RowsDone(run.Id)) : run.RowsDone;
        return new ImportRunDto(
            run.Id, run.ForumId, run.ForumTitle, run.FileName, run.Size, run.State, run.RowsTotal, Math.Min(rowsDone, run.RowsTotal),
            ImportRunReports.Read(run.ReportJson), run.Failure, run.CreatedAt, run.StartedAt, run.FinishedAt,
            run.State == ImportRunState.Checked ? run.CreatedAt + ImportRun.CheckedLifetime : null, run.FileReleasedAt, run.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The report as stored on the run: camelCase JSON, as the API writes it.</summary>
internal static class ImportRunReports
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(ImportReport report) => JsonSerializer.Serialize(report, Options);

    public static ImportReport? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<ImportReport>(json, Options);
}
