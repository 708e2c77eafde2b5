using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Application.Imports;
using Coordination.Domain.Imports;
using Coordination.Web.Tests.Imports.Runs;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Forums;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Web.Tests.Pages.Imports;

/// <summary>The upload page and a background run's page, as the secretariat uses them in a browser.</summary>
public abstract class ImportPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task Check_FileWithErrors_ShowsEveryErrorWithRowAndColumnAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        var prefix = ImportRunSupport.Prefix();
        var rows = ImportRunSupport.PlanRows(prefix, 3, "INM", "MIG-MEX");
        var file = ImportRunSupport.WithCells(rows, PlanFormat.Priority, "Urgent", 2, 5);
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);

        var response = await browser.UploadAsync("Check", plan.ForumId, "plan.csv", file);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector(".import-result h2")!.TextContent.Trim().ShouldBe("The file has errors: nothing was written");
        var errors = page.QuerySelectorAll("table.import-errors tbody tr")
            .Select(r => (Row: r.Children[0].TextContent.Trim(), Column: r.Children[1].TextContent.Trim())).ToList();
        errors.ShouldContain(("2", "priority"));
        errors.ShouldContain(("5", "priority"));
        page.QuerySelector<IHtmlSelectElement>("#Input_ForumId")!.Value.ShouldBe(plan.ForumId.ToString());
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);
    }

    [Fact]
    public async Task Check_ThenImport_CleanFile_ImportsAndTheActionPointsAppearOnTheForum()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        var prefix = ImportRunSupport.Prefix();
        var file = ImportRunSupport.PlanCsv(prefix, 2, "INM", "MIG-MEX");
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);

        var check = await (await browser.UploadAsync("Check", plan.ForumId, "plan.csv", file)).ReadDocumentAsync();
        check.QuerySelector(".import-result h2")!.TextContent.Trim().ShouldBe("The file can be imported");
        check.QuerySelector(".import-counts")!.TextContent.ShouldContain("2 new, 0 changed");
        check.QuerySelector("table.import-errors").ShouldBeNull();
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);

        var import = await browser.UploadAsync("Import", plan.ForumId, "plan.csv", file);

        import.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        import.Headers.Location!.OriginalString.ShouldBe($"/forums/{plan.ForumId}");
        var forum = await browser.GetDocumentAsync($"/forums/{plan.ForumId}");
        forum.QuerySelector(".alert")!.TextContent.ShouldContain("2 action points created, 0 updated; 4 assignments created");
        forum.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ShouldContain($"{prefix}-00001");
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(2);
    }

    [Fact]
    public async Task Import_WrongTypeOrNoFile_SaysSoBesideTheField()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);

        var wrongType = await (await browser.UploadAsync("Import", plan.ForumId, "plan.txt", "hello"u8.ToArray())).ReadDocumentAsync();
        wrongType.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe("Only CSV (.csv) and Excel (.xlsx) files are accepted.");

        var renamed = await (await browser.UploadAsync("Check", plan.ForumId, "plan.xlsx", "a,b\n1,2"u8.ToArray())).ReadDocumentAsync();
        renamed.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe("This file is not an Excel workbook (.xlsx).");

        var none = await (await browser.UploadAsync("Import", null, null, null)).ReadDocumentAsync();
        none.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe("Choose a CSV or Excel (.xlsx) file.");
        none.QuerySelector("[data-valmsg-for='Input.ForumId']")!.TextContent.ShouldBe("Choose the forum to import into.");
    }

    [Fact]
    public async Task Import_FileOverTheLimit_IsRefusedBesideTheFieldWithTheLimit()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);
        var form = await browser.GetDocumentAsync("/imports");
        form.QuerySelector("#file-help")!.TextContent.ShouldContain("at most 0.2 MB");

        var page = await (await browser.UploadAsync("Import", plan.ForumId, "plan.csv", new byte[ImportPagesApp.MaxFileBytes + 1])).ReadDocumentAsync();

        page.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe("The file is larger than the limit of 0.2 MB.");
    }

    [Fact]
    public async Task Import_LargeFile_RunsInTheBackgroundWithAProgressPageThenItsReport()
    {
        var plan = await app.CreatePlanAsync(["INM", "MIG-MEX"], []);
        var prefix = ImportRunSupport.Prefix();
        var file = ImportRunSupport.PlanCsv(prefix, 15, "INM", "MIG-MEX"); // 30 rows, over the page's threshold of 20
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);

        var queued = await browser.UploadAsync("Import", plan.ForumId, "large-plan.csv", file);

        queued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = queued.Headers.Location!.OriginalString;
        location.ShouldStartWith("/imports/");
        var runId = Guid.Parse(location["/imports/".Length..]);
        var waiting = await browser.GetDocumentAsync(location);
        waiting.QuerySelector("h1")!.TextContent.ShouldBe("Background import");
        var bar = waiting.QuerySelector("progress#import-progress")!;
        bar.GetAttribute("max").ShouldBe("30");
        bar.GetAttribute("value").ShouldBe("0");
        waiting.QuerySelector(".import-count")!.TextContent.ShouldBe("0 of 30 rows");
        waiting.QuerySelector($"a.import-refresh[href='/imports/{runId}']").ShouldNotBeNull();
        waiting.QuerySelector("script[src^='/js/import-run.js']").ShouldNotBeNull();
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(0);
        (await browser.GetStringAsync($"/imports/{runId}?handler=Status")).ShouldContain("\"rowsTotal\":30");

        await app.RunJobAsync(runId);

        var done = await browser.GetDocumentAsync(location);
        done.QuerySelector(".import-result h2")!.TextContent.ShouldBe("The plan was imported");
        done.QuerySelector(".import-counts")!.TextContent.ShouldContain("15 new, 0 changed");
        done.QuerySelector("progress").ShouldBeNull();
        (await app.RunAsync(runId)).State.ShouldBe(ImportRunState.Completed);
        (await app.ActionPointCountAsync(plan.ForumId, prefix)).ShouldBe(15);
    }

    [Fact]
    public async Task Pages_ForAFocalPoint_AreRefusedAndWriteNothing()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var runId = await app.QueueRunAsync(plan.ForumId, ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 1, "INM"), rows: 1);
        using var browser = await app.BrowserAsync(TestPeople.FocalDom);

        (await browser.GetAsync("/imports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync($"/imports/{runId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/imports?handler=Template")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var before = await app.WithDbAsync(db => db.ImportRuns.CountAsync());
        // The focal point's own form post (its antiforgery token from a page it can open) is refused too.
        var ownToken = await browser.AntiforgeryFromAsync("/account/profile");
        var post = await browser.PostUploadAsync("Import", ownToken, plan.ForumId, "plan.csv", ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 30, "INM"));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.ImportRuns.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Downloads_TemplateAndTheForumsPlan_AreFilesInTheImportFormat()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var browser = await app.BrowserAsync(TestPeople.Secretariat);

        var template = await browser.GetAsync("/imports?handler=Template");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await template.Content.ReadAsStringAsync()).ShouldContain(string.Join(',', PlanFormat.Header));
        var csv = await browser.GetAsync($"/imports?handler=Plan&forumId={plan.ForumId}&format=csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var xlsx = await browser.GetAsync($"/imports?handler=Plan&forumId={plan.ForumId}&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(PlanFileWriter.XlsxContentType);
    }

    [Fact]
    public async Task Pages_InSpanish_HaveSpanishHeadingsAndMessages()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var runId = await app.QueueRunAsync(plan.ForumId, ImportRunSupport.PlanCsv(ImportRunSupport.Prefix(), 1, "INM"), rows: 1);
        using var browser = await app.BrowserAsync(TestPeople.Secretariat, "es");

        (await browser.GetDocumentAsync("/imports")).QuerySelector("h1")!.TextContent.ShouldBe("Importar puntos de acción");
        (await browser.GetDocumentAsync($"/imports/{runId}")).QuerySelector("h1")!.TextContent.ShouldBe("Importación en segundo plano");
        var wrongType = await (await browser.UploadAsync("Check", plan.ForumId, "plan.txt", "x"u8.ToArray())).ReadDocumentAsync();
        wrongType.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.ShouldBe("Solo se aceptan archivos CSV (.csv) y Excel (.xlsx).");
    }
}

/// <summary>
/// The app with small limits, so the tests' files cross them: 0.2 MB at most, background above 20 rows. It counts the
/// plan files it reads (<see cref="Reads"/>), from the reader's debug log.
/// </summary>
public abstract class ImportPagesApp(DatabaseKind kind) : CoordinationApp(kind, settings: new Dictionary<string, string>
{
    ["Imports:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Imports:BackgroundAboveRows"] = "20",
    [$"Logging:LogLevel:{typeof(PlanFileReader).FullName}"] = "Debug",
})
{
    public const int MaxFileBytes = 200 * 1024;

    public PlanFileReads Reads { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Reads));
    }
}

/// <summary>The names of the plan files the app read, one entry per read: a test names its file uniquely and counts.</summary>
public sealed class PlanFileReads : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _files = new();

    public int Of(string fileName) => _files.Count(f => f == fileName);

    public ILogger CreateLogger(string categoryName) =>
        categoryName == typeof(PlanFileReader).FullName ? new Reader(_files) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Reader(ConcurrentQueue<string> files) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "FileName").Value is string name)
                files.Enqueue(name);
        }
    }
}

public sealed class SqliteImportPagesApp() : ImportPagesApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlImportPagesApp() : ImportPagesApp(DatabaseKind.PostgreSql);

public sealed class ImportPagesTestsOnSqlite(SqliteImportPagesApp app) : ImportPagesTests<SqliteImportPagesApp>(app);

public sealed class ImportPagesTestsOnPostgreSql(PostgreSqlImportPagesApp app) : ImportPagesTests<PostgreSqlImportPagesApp>(app);

/// <summary>Posting the upload form as a browser does: multipart, with the page's antiforgery token.</summary>
internal static class UploadSteps
{
    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient browser, string handler, Guid? forumId, string? fileName, byte[]? content) =>
        await browser.PostUploadAsync(handler, await browser.AntiforgeryAsync(), forumId, fileName, content);

    public static Task<string> AntiforgeryAsync(this HttpClient browser) => browser.AntiforgeryFromAsync("/imports", "form.import-form");

    public static async Task<string> AntiforgeryFromAsync(this HttpClient browser, string url, string formSelector = "main form[method='post']")
    {
        var page = await browser.GetDocumentAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        return form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
    }

    public static async Task<HttpResponseMessage> PostUploadAsync(
        this HttpClient browser, string handler, string token, Guid? forumId, string? fileName, byte[]? content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(forumId?.ToString() ?? ""), "Input.ForumId" },
        };
        if (fileName is not null && content is not null)
            form.Add(new ByteArrayContent(content), "Input.File", fileName);
        return await browser.PostAsync($"/imports?handler={handler}", form);
    }
}
