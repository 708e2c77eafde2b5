using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Application.Imports;
using Coordination.Application.Imports.Runs;
using Coordination.Domain.Imports;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Web.Tests.Imports.Runs;

/// <summary>Background imports: the job, its progress, report and mail; takeover of a dead worker's run; the sweep.</summary>
public abstract class ImportRunTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task QueuedRun_RunByTheJob_CompletesWithProgressReportAndMailToTheStarter()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        var prefix = ImportRunSupport.Prefix();
        var runId = await app.QueueRunAsync(plan.ForumId, ImportRunSupport.PlanCsv(prefix, 5, "INM", "MIG-MEX"), rows: 10);

        await app.RunJobAsync(runId);

        var run = await app.RunAsync(runId);
        run.State.ShouldBe(ImportRunState.Completed);
        run.RowsDone.ShouldBe(10);
        run.RowsTotal.ShouldBe(10);
        run.Attempts.ShouldBe(1);
        run.ClaimToken.ShouldBeNull();
        run.FinishedAt.ShouldNotBeNull();
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(5);
        var assignments = await app.WithDbAsync(db => db.Assignments.CountAsync(a =>
            db.ActionPoints.Any(p => p.Id == a.ActionPointId && p.ForumId == plan.ForumId && p.Code.StartsWith(prefix))));
        assignments.ShouldBe(10);

        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DeduplicationKey == ImportDoneMail.Key(runId)));
        mail.Kind.ShouldBe(ImportDoneMail.Kind);
        mail.To.ShouldBe(TestPeople.Secretariat);
        mail.Subject.ShouldBe("Import finished: plan.csv");
        mail.TextBody.ShouldContain("Action points: 5 created, 0 updated.");
        mail.TextBody.ShouldContain($"/imports/{runId}");

        // The plan's changes are audited as an import's, by the system that ran it.
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .CountAsync(e => e.EntityType == "ActionPoint" && e.Action == RunQueuedImportsCommand.AuditAction
                && db.ActionPoints.Any(p => p.Id == e.EntityId && p.Code.StartsWith(prefix))));
        audited.ShouldBe(5);

        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var dto = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{runId}");
        dto.GetProperty("state").GetString().ShouldBe("Completed");
        dto.GetProperty("rowsTotal").GetInt32().ShouldBe(10);
        dto.GetProperty("rowsDone").GetInt32().ShouldBe(10);
        dto.GetProperty("report").GetProperty("actionPointsCreated").GetInt32().ShouldBe(5);
        dto.GetProperty("report").GetProperty("assignmentsCreated").GetInt32().ShouldBe(10);
        dto.GetProperty("forumId").GetGuid().ShouldBe(plan.ForumId);
        dto.TryGetProperty("content", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ApiImport_OfALargeFileInTheBackground_Answers202WithTheQueuedRunAndWritesNothingYet()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        var prefix = ImportRunSupport.Prefix();
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var file = new ByteArrayContent(ImportRunSupport.PlanCsv(prefix, 1001, "INM", "MIG-MEX")); // 2,002 rows: over the threshold

        var response = await client.PostAsync($"/api/imports/action-points?forumId={plan.ForumId}&dryRun=false&background=true",
            new MultipartFormDataContent { { file, "file", "plan.csv" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        var runId = run.GetProperty("id").GetGuid();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/imports/{runId}");
        run.GetProperty("state").GetString().ShouldBe("Queued");
        run.GetProperty("rowsTotal").GetInt32().ShouldBe(2002);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);
    }

    [Fact]
    public async Task RunClaimedByADeadWorker_AfterItsLeaseLapses_IsTakenOverAndCompletesOnce()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var prefix = ImportRunSupport.Prefix();
        var runId = await app.QueueRunAsync(plan.ForumId, ImportRunSupport.PlanCsv(prefix, 3, "INM"), rows: 3);
        // A worker claimed it and died: its claim still holds for a while.
        await ClaimAsDeadWorkerAsync(runId, DateTime.UtcNow.AddMinutes(10));

        await app.RunJobAsync(runId);
        await app.SweepAsync();

        (await app.RunAsync(runId)).State.ShouldBe(ImportRunState.Running);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);

        // The lease lapses: the sweep takes the run over.
        await app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, DateTime.UtcNow.AddSeconds(-1))));
        for (var sweep = 0; sweep < 10 && !(await app.RunAsync(runId)).IsFinished; sweep++)
            await app.SweepAsync();

        var run = await app.RunAsync(runId);
        run.State.ShouldBe(ImportRunState.Completed);
        run.Attempts.ShouldBe(2);
        var finishedAt = run.FinishedAt;

        // Its job, delivered late, and later sweeps find nothing to do.
        await app.RunJobAsync(runId);
        await app.SweepAsync();
        (await app.RunAsync(runId)).FinishedAt.ShouldBe(finishedAt);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(3);
        (await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.DeduplicationKey == ImportDoneMail.Key(runId)))).ShouldBe(1);
    }

    [Fact]
    public async Task RunWithErrorsInTheFile_EndsFailedWithEveryErrorAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        var prefix = ImportRunSupport.Prefix();
        var rows = ImportRunSupport.PlanRows(prefix, 4, "INM", "MIG-MEX");
        var file = ImportRunSupport.WithCells(rows, PlanFormat.DueDate, "31/12/2026", 3);
        var content = PlanFileWriter.WriteCsv(PlanFileReaderRows(file).Select(r => r.RowNumber == 7
            ? new PlanRow(r.RowNumber, [.. r.Cells.Select((c, i) => i == PlanFormat.Organization.Index ? "NO-SUCH-ORG" : c)])
            : r));
        var runId = await app.QueueRunAsync(plan.ForumId, content, rows: 8);

        await app.RunJobAsync(runId);

        var run = await app.RunAsync(runId);
        run.State.ShouldBe(ImportRunState.Failed);
        var dto = await app.WithScopeAsync(services =>
            new GetImportRunHandler(
                    services.GetRequiredService<Application.Common.Abstractions.ICoordinationDbContext>(),
                    services.GetRequiredService<Application.Common.Security.ICurrentUser>())
                .Handle(new GetImportRunQuery(runId), CancellationToken.None).AsTask());
        var report = dto.Report.ShouldNotBeNull();
        report.Written.ShouldBeFalse();
        report.Errors.ShouldContain(e => e.Row == 3 && e.Column == PlanFormat.DueDate.Name);
        report.Errors.ShouldContain(e => e.Row == 7 && e.Column == PlanFormat.Organization.Name);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);
        (await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.ForumId == plan.ForumId && c.Number == 2))).ShouldBe(0);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DeduplicationKey == ImportDoneMail.Key(runId)));
        mail.Subject.ShouldBe("Import not done: plan.csv");
        mail.TextBody.ShouldContain($"has {report.Errors.Count} errors, so no row was saved");
    }

    [Fact]
    public async Task QueuedRunWhoseJobWasLost_IsStartedByTheSweep()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var prefix = ImportRunSupport.Prefix();
        var runId = await app.QueueRunAsync(plan.ForumId, ImportRunSupport.PlanCsv(prefix, 2, "INM"), rows: 2);
        await app.SweepAsync();
        (await app.RunAsync(runId)).State.ShouldBe(ImportRunState.Queued, "a run queued a moment ago still has its job");

        await app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTime.UtcNow.AddMinutes(-5))));
        for (var sweep = 0; sweep < 10 && !(await app.RunAsync(runId)).IsFinished; sweep++)
            await app.SweepAsync();

        (await app.RunAsync(runId)).State.ShouldBe(ImportRunState.Completed);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(2);
    }

    [Fact]
    public async Task RunThatStoppedItsWorkerEveryTime_IsGivenUpByTheSweepWithAMail()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var prefix = ImportRunSupport.Prefix();
        var runId = await app.QueueRunAsync(plan.ForumId, ImportRunSupport.PlanCsv(prefix, 2, "INM"), rows: 2);
        await ClaimAsDeadWorkerAsync(runId, DateTime.UtcNow.AddSeconds(-1), attempts: ImportRun.MaxAttempts);

        await app.SweepAsync();

        var run = await app.RunAsync(runId);
        run.State.ShouldBe(ImportRunState.Failed);
        run.Failure.ShouldBe("The import stopped 3 times before it could finish; no row was saved.");
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);
        (await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.DeduplicationKey == ImportDoneMail.Key(runId)))).ShouldBe(1);
    }

    [Fact]
    public async Task GetRun_OtherThanSecretariat_IsRefused_AndUnknownIsNotFound()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var runId = await app.QueueRunAsync(plan.ForumId, ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 1, "INM"), rows: 1);
        using var focal = app.CreateApiClient();
        await focal.SignInWithTokenAsync(TestPeople.FocalDom);
        using var secretariat = app.CreateApiClient();
        await secretariat.SignInWithTokenAsync(TestPeople.Secretariat);

        (await focal.GetAsync($"/api/imports/{runId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await secretariat.GetAsync($"/api/imports/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var queued = await secretariat.GetFromJsonAsync<JsonElement>($"/api/imports/{runId}");
        queued.GetProperty("state").GetString().ShouldBe("Queued");
        queued.GetProperty("rowsDone").GetInt32().ShouldBe(0);
        queued.GetProperty("report").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Sweep_ReleasesTheFilesOfOldFinishedRuns_KeepsRecentOnesAndTheReports()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var file = ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 1, "INM");
        var old = await app.QueueRunAsync(plan.ForumId, file, rows: 1);
        var recent = await app.QueueRunAsync(plan.ForumId, file, rows: 1);
        await app.RunJobAsync(old);
        await app.RunJobAsync(recent);
        await FinishedAsync(old, DateTime.UtcNow.AddDays(-31)); // Imports:KeepFilesDays is 30 by default
        await FinishedAsync(recent, DateTime.UtcNow.AddDays(-29));
        var freshCheck = await app.CheckedRunAsync(plan.ForumId, file, DateTime.UtcNow.AddHours(-1));
        var expiredCheck = await app.CheckedRunAsync(plan.ForumId, file, DateTime.UtcNow.AddHours(-25));
        var longExpiredCheck = await app.CheckedRunAsync(plan.ForumId, file, DateTime.UtcNow.AddHours(-49));

        await app.SweepAsync();

        var released = await app.RunAsync(old);
        released.Content.ShouldBeEmpty();
        released.FileReleasedAt.ShouldNotBeNull();
        released.State.ShouldBe(ImportRunState.Completed);
        released.Size.ShouldBe(file.LongLength);
        released.ReportJson.ShouldNotBeNull();
        var kept = await app.RunAsync(recent);
        kept.Content.ShouldBe(file);
        kept.FileReleasedAt.ShouldBeNull();
        (await app.RunAsync(freshCheck)).Content.ShouldBe(file);
        (await app.RunAsync(expiredCheck)).Content.ShouldBeEmpty();
        (await app.WithDbAsync(db => db.ImportRuns.AnyAsync(r => r.Id == longExpiredCheck))).ShouldBeFalse();

        // The report stays readable, and says since when the file is gone.
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var dto = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{old}");
        dto.GetProperty("report").GetProperty("rows").GetInt32().ShouldBe(1);
        dto.GetProperty("fileReleasedAt").ValueKind.ShouldBe(JsonValueKind.String);

        // Released once: a later sweep changes nothing.
        var version = released.Version;
        await app.SweepAsync();
        (await app.RunAsync(old)).Version.ShouldBe(version);
    }

    private Task FinishedAsync(Guid runId, DateTime finishedAt) =>
        app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, finishedAt)));

    private Task ClaimAsDeadWorkerAsync(Guid runId, DateTime claimedUntil, int attempts = 1) =>
        app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, ImportRunState.Running)
            .SetProperty(r => r.ClaimToken, Guid.NewGuid())
            .SetProperty(r => r.ClaimedUntil, claimedUntil)
            .SetProperty(r => r.Attempts, attempts)));

    private static IReadOnlyList<PlanRow> PlanFileReaderRows(byte[] csv) =>
        new PlanFileReader(Microsoft.Extensions.Options.Options.Create(new ImportOptions()), NullLogger<PlanFileReader>.Instance).Read("plan.csv", csv);
}

public sealed class ImportRunTestsOnSqlite(SqliteApp app) : ImportRunTests<SqliteApp>(app);

public sealed class ImportRunTestsOnPostgreSql(PostgreSqlApp app) : ImportRunTests<PostgreSqlApp>(app);
