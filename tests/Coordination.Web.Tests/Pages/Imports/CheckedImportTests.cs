using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Application.Common.Security;
using Coordination.Application.Imports;
using Coordination.Domain.Imports;
using Coordination.Web.Tests.Imports;
using Coordination.Web.Tests.Imports.Runs;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Account;
using Coordination.Web.Tests.Pages.Forums;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Pages.Imports;

/// <summary>
/// A checked file kept on the server and imported without choosing it again (its checker's only, for 24 hours), the
/// file read once per request by the page and the API, and an old run whose file was released.
/// </summary>
public abstract class CheckedImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ImportPagesApp
{
    [Fact]
    public async Task CheckThenImportThisFile_WithoutChoosingItAgain_WritesThePlanOnce()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        var prefix = ImportRunSupport.Prefix();
        var name = $"{prefix}.csv";
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);

        var check = await (await browser.UploadAsync("Check", plan.ForumId, name, ImportRunSupport.PlanCsv(prefix, 2, "INM", "MIG-MEX"))).ReadDocumentAsync();

        check.QuerySelector(".import-result h2")!.TextContent.Trim().ShouldBe("The file can be imported");
        check.QuerySelector(".import-checked-file")!.TextContent.ShouldContain($"“{name}” (4 rows)");
        check.QuerySelector(".import-counts")!.TextContent.ShouldContain("2 new, 0 changed");
        var offer = check.QuerySelector<IHtmlFormElement>("form.import-confirm-form").ShouldNotBeNull();
        offer.QuerySelector("button[type='submit']")!.TextContent.Trim().ShouldBe("Import this file");
        offer.QuerySelector("input[type='file']").ShouldBeNull();
        var runId = CheckedRunId(check);
        var kept = await app.RunAsync(runId);
        kept.State.ShouldBe(ImportRunState.Checked);
        kept.RowsTotal.ShouldBe(4);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);

        var import = await browser.ConfirmAsync(check);

        import.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        import.Headers.Location!.OriginalString.ShouldBe($"/forums/{plan.ForumId}");
        (await browser.GetDocumentAsync($"/forums/{plan.ForumId}")).QuerySelector(".alert")!.TextContent
            .ShouldContain("2 action points created, 0 updated; 4 assignments created");
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(2);
        var imported = await app.RunAsync(runId);
        imported.State.ShouldBe(ImportRunState.Completed);
        imported.ReportJson.ShouldNotBeNull().ShouldContain("\"actionPointsCreated\":2");
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "ActionPoint" && db.ActionPoints.Any(p => p.Id == e.EntityId && p.Code.StartsWith(prefix)))
            .Select(e => new { e.Action, e.UserEmail })
            .ToListAsync());
        audited.Count.ShouldBe(2);
        audited.ShouldAllBe(a => a.Action == "ImportActionPoints" && a.UserEmail == TestPeople.Secretariat);
        app.Reads.Of(name).ShouldBe(2, "once by the check, once by the import");

        // Sent again (the back button, a second click): refused, and nothing more is written.
        var again = await (await browser.ConfirmAsync(check)).ReadDocumentAsync();
        again.QuerySelector(".alert-danger")!.TextContent.ShouldContain("This file was already imported.");
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(2);
    }

    [Fact]
    public async Task CheckedFile_OfSomeoneElse_IsNotFound_ForAFocalPointForbidden_AndNothingIsWritten()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var prefix = ImportRunSupport.Prefix();
        using var owner = await app.BrowserAsync(TestPeople.Secretariat);
        var check = await (await owner.UploadAsync("Check", plan.ForumId, $"{prefix}.csv", ImportRunSupport.PlanCsv(prefix, 1, "INM"))).ReadDocumentAsync();
        var runId = CheckedRunId(check);
        var version = (await app.RunAsync(runId)).Version;
        var colleague = await app.CreatePersonAsync(Roles.Secretariat, "IOM", "en");
        using var other = await app.BrowserAsync(colleague.Email!, "en", TestPeople.Password);
        using var otherApi = app.CreateApiClient();
        await otherApi.SignInWithTokenAsync(colleague.Email!, TestPeople.Password);
        using var focal = await app.BrowserAsync(TestPeople.FocalDom);

        (await other.PostConfirmAsync(await other.AntiforgeryAsync(), runId, plan.ForumId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/imports/{runId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherApi.GetAsync($"/api/imports/{runId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await focal.PostConfirmAsync(await focal.AntiforgeryFromAsync("/account/profile"), runId, plan.ForumId))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);
        var run = await app.RunAsync(runId);
        run.State.ShouldBe(ImportRunState.Checked);
        run.Version.ShouldBe(version);
        // Its owner still may, from the run's own page too.
        var page = await owner.GetDocumentAsync($"/imports/{runId}");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Checked file");
        page.QuerySelector("form.import-confirm-form").ShouldNotBeNull();
    }

    [Fact]
    public async Task CheckedFile_AfterItsDayIsOver_IsRefusedWithAClearMessageAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var prefix = ImportRunSupport.Prefix();
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);
        var check = await (await browser.UploadAsync("Check", plan.ForumId, $"{prefix}.csv", ImportRunSupport.PlanCsv(prefix, 1, "INM"))).ReadDocumentAsync();
        var runId = CheckedRunId(check);
        await app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTime.UtcNow - ImportRun.CheckedLifetime - TimeSpan.FromMinutes(1))));
        const string Expired = "This checked file has expired: a checked file is kept for 24 hours. Choose the file and check it again.";

        var refused = await browser.ConfirmAsync(check);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ReadDocumentAsync()).QuerySelector(".alert-danger")!.TextContent.ShouldContain(Expired);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);
        (await app.RunAsync(runId)).State.ShouldBe(ImportRunState.Checked);
        var page = await browser.GetDocumentAsync($"/imports/{runId}");
        page.QuerySelector(".import-failure")!.TextContent.ShouldBe(Expired);
        page.QuerySelector("form.import-confirm-form").ShouldBeNull();

        // The sweep releases its file at once and deletes the run a day later.
        await app.SweepAsync();
        var released = await app.RunAsync(runId);
        released.Content.ShouldBeEmpty();
        released.FileReleasedAt.ShouldNotBeNull();
        await app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTime.UtcNow - ImportRun.CheckedLifetime - TimeSpan.FromHours(25))));
        await app.SweepAsync();
        (await app.WithDbAsync(db => db.ImportRuns.AnyAsync(r => r.Id == runId))).ShouldBeFalse();
    }

    [Fact]
    public async Task CheckedLargeFile_Imported_BecomesABackgroundRunWithoutReadingTheFileAgain()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        var prefix = ImportRunSupport.Prefix();
        var name = $"{prefix}.csv";
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);
        var check = await (await browser.UploadAsync("Check", plan.ForumId, name, ImportRunSupport.PlanCsv(prefix, 15, "INM", "MIG-MEX"))).ReadDocumentAsync();
        var runId = CheckedRunId(check);

        var queued = await browser.ConfirmAsync(check);

        queued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        queued.Headers.Location!.OriginalString.ShouldBe($"/imports/{runId}");
        app.Reads.Of(name).ShouldBe(1, "the run knows its rows: only the background job reads the file again");
        var run = await app.RunAsync(runId);
        run.State.ShouldBe(ImportRunState.Queued);
        run.ReportJson.ShouldBeNull();
        (await browser.GetDocumentAsync($"/imports/{runId}")).QuerySelector(".import-count")!.TextContent.ShouldBe("0 of 30 rows");

        await app.RunJobAsync(runId);

        (await app.RunAsync(runId)).State.ShouldBe(ImportRunState.Completed);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(15);
    }

    [Fact]
    public async Task CheckedFile_WhenThePlanChangedSinceTheCheck_IsCheckedAgainAndNothingIsWritten()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);
        var exported = await browser.GetByteArrayAsync($"/imports?handler=Plan&forumId={plan.ForumId}&format=csv");
        var rows = app.Services.GetRequiredService<PlanFileReader>().Read("export.csv", exported);
        var file = ImportRunSupport.WithCells(rows, PlanFormat.Role, "Supporting", rows.Single().RowNumber);
        var check = await (await browser.UploadAsync("Check", plan.ForumId, "edited.csv", file)).ReadDocumentAsync();
        check.QuerySelector(".import-counts")!.TextContent.ShouldContain("0 new, 1 changed");
        // Meanwhile the assignment is cancelled: the file would now change a cancelled assignment.
        await app.WithDbAsync(async db =>
        {
            (await db.Assignments.SingleAsync(a => a.Id == plan.AssignmentIds["INM"])).Cancel();
            await db.SaveChangesAsync();
        });

        var refused = await (await browser.ConfirmAsync(check)).ReadDocumentAsync();

        refused.QuerySelector(".import-result h2")!.TextContent.Trim().ShouldBe("The file has errors: nothing was written");
        refused.QuerySelector("table.import-errors")!.TextContent.ShouldContain("was cancelled: it cannot be changed.");
        refused.QuerySelector("form.import-confirm-form").ShouldBeNull();
        var role = await app.WithDbAsync(db => db.Assignments.Where(a => a.Id == plan.AssignmentIds["INM"]).Select(a => a.Role).SingleAsync());
        role.ShouldBe(Domain.ActionPoints.AssignmentRole.Lead);
        (await app.RunAsync(CheckedRunId(check))).State.ShouldBe(ImportRunState.Checked);
    }

    [Fact]
    public async Task Import_OnThePageAndThroughTheApi_ReadsTheFileOnce()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);
        using var api = app.CreateApiClient();
        await api.SignInWithTokenAsync(TestPeople.Secretariat);
        string Name(string what) => $"{what}-{Guid.NewGuid():N}.csv";
        var (small, large, apiLarge, apiCheck) = (Name("small"), Name("large"), Name("api-large"), Name("api-check"));

        (await browser.UploadAsync("Import", plan.ForumId, small, ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 2, "INM")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.UploadAsync("Import", plan.ForumId, large, ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 15, "INM", "MIG-MEX")))
            .Headers.Location!.OriginalString.ShouldStartWith("/imports/");
        var queued = await api.PostAsync($"/api/imports/action-points?forumId={plan.ForumId}&dryRun=false&background=true",
            new MultipartFormDataContent { { new ByteArrayContent(ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 15, "INM", "MIG-MEX")), "file", apiLarge } });
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var checkedByApi = await api.UploadAsync(plan.ForumId, ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 1, "INM"), dryRun: true, fileName: apiCheck);
        checkedByApi.StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Reads.Of(small).ShouldBe(1);
        app.Reads.Of(large).ShouldBe(1);
        app.Reads.Of(apiLarge).ShouldBe(1);
        app.Reads.Of(apiCheck).ShouldBe(1);
        // The API's dry run keeps no file: it has no way to import one.
        (await app.WithDbAsync(db => db.ImportRuns.CountAsync(r => r.ForumId == plan.ForumId && r.State == ImportRunState.Checked))).ShouldBe(0);
    }

    [Fact]
    public async Task OldRun_WhoseFileWasReleased_StillShowsItsReportAndSaysTheFileIsNoLongerKept()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var runId = await app.QueueRunAsync(plan.ForumId, ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 1, "INM"), rows: 1);
        await app.RunJobAsync(runId);
        await app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, DateTime.UtcNow.AddDays(-31))));
        await app.SweepAsync();
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await browser.GetDocumentAsync($"/imports/{runId}");

        page.QuerySelector(".import-result h2")!.TextContent.ShouldBe("The plan was imported");
        page.QuerySelector(".import-counts")!.TextContent.ShouldContain("1 new, 0 changed");
        page.QuerySelector(".import-file-released")!.TextContent
            .ShouldBe("The file itself is no longer kept: files are deleted 30 days after their import. This report stays.");
    }

    [Fact]
    public async Task CheckedFile_InSpanish_IsOfferedInSpanish()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var prefix = ImportRunSupport.Prefix();
        using var browser = await app.BrowserAsync(TestPeople.Secretariat, "es");

        var check = await (await browser.UploadAsync("Check", plan.ForumId, $"{prefix}.csv", ImportRunSupport.PlanCsv(prefix, 1, "INM"))).ReadDocumentAsync();

        check.QuerySelector(".import-checked-file")!.TextContent.ShouldStartWith("Todavía no se guardó nada.");
        check.QuerySelector("form.import-confirm-form button")!.TextContent.Trim().ShouldBe("Importar este archivo");
        (await browser.GetDocumentAsync($"/imports/{CheckedRunId(check)}")).QuerySelector("h1")!.TextContent.ShouldBe("Archivo revisado");
    }

    private static Guid CheckedRunId(IHtmlDocument page) =>
        Guid.Parse(page.QuerySelector<IHtmlInputElement>("form.import-confirm-form input[name='runId']")!.Value);
}

public sealed class CheckedImportTestsOnSqlite(SqliteImportPagesApp app) : CheckedImportTests<SqliteImportPagesApp>(app);

public sealed class CheckedImportTestsOnPostgreSql(PostgreSqlImportPagesApp app) : CheckedImportTests<PostgreSqlImportPagesApp>(app);

/// <summary>"Import this file" as a browser sends it: the offer's hidden fields, with the page's antiforgery token.</summary>
internal static class ConfirmSteps
{
    public static Task<HttpResponseMessage> ConfirmAsync(this HttpClient browser, IHtmlDocument page)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form.import-confirm-form") ?? throw new InvalidOperationException("No checked file is offered.");
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        return browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> PostConfirmAsync(this HttpClient browser, string token, Guid runId, Guid forumId) =>
        browser.PostAsync("/imports?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["runId"] = runId.ToString(),
            ["Input.ForumId"] = forumId.ToString(),
        }));
}
