using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Coordination.Application.Common.Security;
using Coordination.Application.Imports;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Coordination.Web.Tests.Imports;

public abstract class ImportsApiTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private async Task<HttpClient> SecretariatAsync()
    {
        var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        return client;
    }

    private Task<(int Conclusions, int ActionPoints, int Assignments)> CountAsync(Guid forumId) =>
        app.WithDbAsync(async db => (
            await db.Conclusions.CountAsync(c => c.ForumId == forumId),
            await db.ActionPoints.CountAsync(a => a.ForumId == forumId),
            await db.Assignments.CountAsync(a => db.ActionPoints.Any(p => p.Id == a.ActionPointId && p.ForumId == forumId))));

    private Task<int> AuditCountAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync());

    [Fact]
    public async Task Import_FileWithErrorsInSeveralRows_WritesNothingAndListsEveryError()
    {
        using var client = await SecretariatAsync();
        var forumId = await app.CreateForumAsync();
        var file = PlanFiles.Text(
            string.Join(',', PlanFormat.Header),
            "1,Share data.,Data,1;17,10.7,E-1,Inventory,,High,2026-01-15,2026-12-31,,,,INM,DOM,Lead,",
            "1,Share data.,Data,1;17,10.7,E-2,Glossary,,High,15/01/2026,2026-12-31,,,,INM,DOM,Lead,",
            "1,Share data.,Data,1;17,10.7,E-3,Survey,,Urgent,2026-01-15,2026-12-31,,,,NOPE,,Lead,",
            "2,Train staff.,Capacity,24,10.7,E-4,Course,,Low,2026-01-15,2026-12-31,,,,MIG-MEX,DOM,Boss,",
            "2,Train staff.,Capacity,1,10.7,E-1,Another title,,High,2026-01-15,2026-12-31,,,,ONE,DOM,Lead,",
            "3,Fund it.,Funding,,,E-5,=HYPERLINK(1),,Medium,2026-06-01,2026-01-01,5,,,,,,");

        var dryRun = await client.ImportAsync(forumId, file, dryRun: true);
        var response = await client.UploadAsync(forumId, file, dryRun: false);

        var expected = new (int Row, string Column)[]
        {
            (3, "start_date"),
            (4, "priority"), (4, "organization"),
            (5, "gcm_objectives"), (5, "country"), (5, "role"),
            (6, "conclusion_number"), (6, "gcm_objectives"), (6, "action_title"),
            (7, "action_title"), (7, "due_date"), (7, "indicator_target"),
        };
        dryRun.Errors.Select(e => (e.Row, e.Column)).ShouldBe(expected, ignoreOrder: true, string.Join("\n", dryRun.Errors));
        dryRun.Errors.ShouldAllBe(e => e.Message.Length > 0);
        dryRun.Errors.Single(e => e.Row == 7 && e.Column == "action_title").Message.ShouldContain("Formulas are not accepted");
        dryRun.Written.ShouldBeFalse();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = (await response.Content.ReadFromJsonAsync<PlanFiles.Refused>(HttpClientExtensions.Json))!;
        refused.Report.Errors.Select(e => (e.Row, e.Column)).ShouldBe(expected, ignoreOrder: true);
        // As every 400 of the API: errors keyed by field, here the cell.
        refused.Errors.Keys.ShouldBe(expected.Select(e => $"rows[{e.Item1}].{e.Item2}"), ignoreOrder: true);
        refused.Errors["rows[7].action_title"].ShouldHaveSingleItem().ShouldContain("Formulas are not accepted");
        refused.Report.Written.ShouldBeFalse();
        (await CountAsync(forumId)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Import_1000ActionPointsWith9AssignmentsEach_CreatesThemAll_AndAgainChangesNothing()
    {
        using var client = app.CreateApiClient();
        client.Timeout = TimeSpan.FromMinutes(5); // each new assignment's status row and mails are written by their event handlers
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var forumId = await app.CreateForumAsync();
        var file = PlanFiles.Csv(PlanFiles.Large(1000, "L"));

        var dryRun = await client.ImportAsync(forumId, file, dryRun: true);
        var watch = Stopwatch.StartNew();
        var first = await client.ImportAsync(forumId, file);
        var firstTime = watch.Elapsed;
        var auditAfterFirst = await AuditCountAsync();
        watch.Restart();
        var second = await client.ImportAsync(forumId, file);
        output.WriteLine($"{app.Kind}: 1,000 × 9 first import {firstTime.TotalSeconds:0.0} s, again {watch.Elapsed.TotalSeconds:0.0} s");

        dryRun.ShouldBe(first with { DryRun = true, Written = false, Errors = dryRun.Errors });
        dryRun.Errors.ShouldBeEmpty();
        (first.Rows, first.ConclusionsCreated, first.ActionPointsCreated, first.AssignmentsCreated, first.Unchanged).ShouldBe((9000, 100, 1000, 9000, 0));
        first.Written.ShouldBeTrue();
        (await CountAsync(forumId)).ShouldBe((100, 1000, 9000));
        (second.ConclusionsCreated + second.ConclusionsUpdated + second.ActionPointsCreated + second.ActionPointsUpdated
            + second.AssignmentsCreated + second.AssignmentsUpdated).ShouldBe(0);
        second.Unchanged.ShouldBe(100 + 1000 + 9000);
        (await AuditCountAsync()).ShouldBe(auditAfterFirst);
        var participants = await app.WithDbAsync(db => db.Forums.Where(f => f.Id == forumId).SelectMany(f => f.Participants).CountAsync());
        participants.ShouldBe(9);
        var statuses = await app.WithDbAsync(db => db.AssignmentStatuses.Where(s => s.ForumId == forumId)
            .GroupBy(s => s.OrganizationId).Select(g => g.Count()).ToListAsync());
        statuses.ShouldBe(Enumerable.Repeat(1000, 9), "every new assignment has its status row, with its forum and organization");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_ThenImport_IsTheIdentity_AndParsesToTheSameRows(string format)
    {
        using var client = await SecretariatAsync();
        var forumId = await app.CreateForumAsync();
        List<PlanRow> rows =
        [
            PlanFiles.Row(1, "X-1", "INM", "DOM", edit: c =>
            {
                c[PlanFormat.ConclusionText.Index] = "Données, \"quoted\"; and\na second line — <script>alert(1)</script>";
                c[PlanFormat.ActionTitle.Index] = "=SUM(A1:A2) kept as text";
                c[PlanFormat.ActionDescription.Index] = "- a bullet, then @mention";
                c[PlanFormat.IndicatorBaseline.Index] = "-2.5";
                c[PlanFormat.IndicatorTarget.Index] = "10";
                c[PlanFormat.IndicatorUnit.Index] = "'quoted unit";
            }),
            PlanFiles.Row(1, "X-1", "MIG-MEX", "MEX", "Supporting", c => c[PlanFormat.ActionTitle.Index] = "=SUM(A1:A2) kept as text"),
            PlanFiles.Row(2, "X-2", edit: c =>
            {
                c[PlanFormat.GcmObjectives.Index] = "";
                c[PlanFormat.SdgTargets.Index] = "";
                c[PlanFormat.Priority.Index] = "Low";
            }),
            PlanFiles.Row(2, "X-3", "ONE", "DOM", edit: c =>
            {
                c[PlanFormat.GcmObjectives.Index] = "";
                c[PlanFormat.SdgTargets.Index] = "";
                c[PlanFormat.AssignmentDueDate.Index] = "2026-06-30";
            }),
        ];
        // The first two rows must agree on their action point: copy the first row's cells.
        rows[1] = new PlanRow(0, [.. rows[0].Cells.Take(PlanFormat.Organization.Index), .. rows[1].Cells.Skip(PlanFormat.Organization.Index)]);
        var created = await client.ImportAsync(forumId, PlanFiles.Csv(rows));
        created.Errors.ShouldBeEmpty();

        var exported = await client.GetAsync($"/api/forums/{forumId}/plan.{format}");
        exported.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        var auditBefore = await AuditCountAsync();
        var again = await client.ImportAsync(forumId, bytes, fileName: $"plan.{format}");

        (again.ConclusionsCreated, again.ConclusionsUpdated, again.ActionPointsCreated, again.ActionPointsUpdated, again.AssignmentsCreated, again.AssignmentsUpdated)
            .ShouldBe((0, 0, 0, 0, 0, 0));
        again.Unchanged.ShouldBe(2 + 3 + 3);
        (await AuditCountAsync()).ShouldBe(auditBefore);
        var parsed = app.Services.GetRequiredService<PlanFileReader>().Read($"plan.{format}", bytes);
        parsed.Count.ShouldBe(rows.Count);
        for (var i = 0; i < rows.Count; i++)
            parsed[i].Cells.ShouldBe(rows[i].Cells, $"row {i + 2}");
        if (format == "csv")
        {
            bytes[..3].ShouldBe(Encoding.UTF8.GetPreamble());
            Encoding.UTF8.GetString(bytes).ShouldContain(",'=SUM(A1:A2) kept as text,");
        }
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Import_EditedExport_ChangesExactlyTheEditedEntities(string format)
    {
        using var client = await SecretariatAsync();
        var forumId = await app.CreateForumAsync();
        (await client.ImportAsync(forumId, PlanFiles.Csv(PlanFiles.Large(5, "E")))).Errors.ShouldBeEmpty();
        var bytes = await client.GetByteArrayAsync($"/api/forums/{forumId}/plan.{format}");
        var reader = app.Services.GetRequiredService<PlanFileReader>();
        var rows = reader.Read($"plan.{format}", bytes).Select(r => r.Cells.ToArray()).ToList();

        // An action point's cells repeat on its nine rows, so its title is edited on all of them; an assignment is one row.
        rows.Where(r => r[PlanFormat.ActionCode.Index] == "E-0002").ToList().ForEach(r => r[PlanFormat.ActionTitle.Index] = "A better title");
        var role = rows.First(r => r[PlanFormat.ActionCode.Index] == "E-0003" && r[PlanFormat.Organization.Index] == "ONE");
        role[PlanFormat.Role.Index] = "Lead";
        var due = rows.First(r => r[PlanFormat.ActionCode.Index] == "E-0004" && r[PlanFormat.Organization.Index] == "MIG-SLV");
        due[PlanFormat.AssignmentDueDate.Index] = "2026-09-30";
        var edited = PlanFileWriter.Write(format == "xlsx" ? PlanFileType.Xlsx : PlanFileType.Csv, rows.Select(r => new PlanRow(0, r)));
        var since = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.OccurredAt));

        var report = await client.ImportAsync(forumId, edited, fileName: $"plan.{format}");

        (report.ConclusionsUpdated, report.ActionPointsUpdated, report.AssignmentsUpdated).ShouldBe((0, 1, 2));
        (report.ConclusionsCreated, report.ActionPointsCreated, report.AssignmentsCreated).ShouldBe((0, 0, 0));
        var expected = await app.WithDbAsync(async db =>
        {
            var actionPoint = await db.ActionPoints.SingleAsync(a => a.ForumId == forumId && a.Code == "E-0002");
            actionPoint.Title.ShouldBe("A better title");
            var one = await app.OrganizationIdAsync("ONE");
            var slv = await app.OrganizationIdAsync("MIG-SLV");
            var roleChanged = await db.Assignments.SingleAsync(a => a.OrganizationId == one && db.ActionPoints.Any(p => p.Id == a.ActionPointId && p.ForumId == forumId && p.Code == "E-0003"));
            roleChanged.Role.ShouldBe(Domain.ActionPoints.AssignmentRole.Lead);
            var dueChanged = await db.Assignments.SingleAsync(a => a.OrganizationId == slv && db.ActionPoints.Any(p => p.Id == a.ActionPointId && p.ForumId == forumId && p.Code == "E-0004"));
            dueChanged.DueDate.ShouldBe(new DateOnly(2026, 9, 30));
            return new[] { actionPoint.Id, roleChanged.Id, dueChanged.Id };
        });
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.OccurredAt > since).ToListAsync());
        audited.Select(a => a.EntityId).ShouldBe(expected, ignoreOrder: true);
        audited.ShouldAllBe(a => a.Action == "ImportActionPoints" && a.Change == "Updated" && a.UserEmail == TestPeople.Secretariat);
    }

    [Fact]
    public async Task Import_FormulaCells_AreRefusedUnlessMarkedAsText()
    {
        using var client = await SecretariatAsync();
        var forumId = await app.CreateForumAsync();
        var header = string.Join(',', PlanFormat.Header);

        var refused = await client.ImportAsync(forumId, PlanFiles.Text(header,
            "1,Share data.,Data,,,F-1,@SUM(1),+cmd,High,2026-01-15,2026-12-31,-3,5,,,,,"), dryRun: true);
        var kept = await client.ImportAsync(forumId, PlanFiles.Text(header,
            "1,Share data.,Data,,,F-1,'@SUM(1),'+cmd,High,2026-01-15,2026-12-31,-3,5,<script>x</script>,,,,"));

        refused.Errors.Select(e => e.Column).ShouldBe(["action_title", "action_description"]);
        refused.Errors.ShouldAllBe(e => e.Row == 2 && e.Message == PlanCell.FormulaRefused);
        kept.Errors.ShouldBeEmpty();
        var stored = await app.WithDbAsync(db => db.ActionPoints.SingleAsync(a => a.ForumId == forumId && a.Code == "F-1"));
        (stored.Title, stored.Description, stored.Indicator!.Baseline, stored.Indicator.Unit).ShouldBe(("@SUM(1)", "+cmd", -3m, "<script>x</script>"));
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/forums/{forumId}/plan.csv"));
        csv.ShouldContain(",'@SUM(1),'+cmd,");
    }

    [Fact]
    public async Task Import_SemicolonsAndBom_AreRead()
    {
        using var client = await SecretariatAsync();
        var forumId = await app.CreateForumAsync();
        var text = string.Join(';', PlanFormat.Header) + "\r\n" + "1;Share data, widely.;Data;\"1;17\";10.7;S-1;Inventory;;medium;2026-01-15;2026-12-31;;;;inm;dom;lead;\r\n";

        var report = await client.ImportAsync(forumId, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        report.Errors.ShouldBeEmpty();
        (report.ConclusionsCreated, report.ActionPointsCreated, report.AssignmentsCreated).ShouldBe((1, 1, 1));
        var conclusion = await app.WithDbAsync(db => db.Conclusions.SingleAsync(c => c.ForumId == forumId));
        (conclusion.Text, conclusion.GcmObjectives.Count).ShouldBe(("Share data, widely.", 2));
    }

    [Theory]
    [InlineData("plan.txt", "text", "Only CSV (.csv) and Excel (.xlsx) files are accepted.")]
    [InlineData("plan.xlsx", "not a zip", "This file is not an Excel workbook (.xlsx).")]
    [InlineData("plan.csv", "", "The file is empty.")]
    [InlineData("plan.csv", "conclusion_number,action_code\r\n1,A\r\n", "action_title")]
    public async Task Import_FileThatIsNoPlan_Is400NamingTheProblem(string fileName, string content, string message)
    {
        using var client = await SecretariatAsync();
        var forumId = await app.CreateForumAsync();

        var response = await client.UploadAsync(forumId, Encoding.UTF8.GetBytes(content), dryRun: false, fileName: fileName);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!;
        problem.Errors!["file"].ShouldHaveSingleItem().ShouldContain(message);
        (await CountAsync(forumId)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Import_FileOverTheSizeLimit_Is400()
    {
        using var client = await SecretariatAsync();
        var forumId = await app.CreateForumAsync();
        var content = new byte[(10 * 1024 * 1024) + 1];
        Array.Fill(content, (byte)'a');

        var response = await client.UploadAsync(forumId, content, dryRun: true);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Errors!["file"].Single().ShouldContain("larger than the limit of 10 MB");
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task Import_ByAnyoneButTheSecretariat_Is403AndWritesNothing(string email)
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(email);
        var forumId = await app.CreateForumAsync();

        var response = await client.UploadAsync(forumId, PlanFiles.Csv([PlanFiles.Row(1, "P-1", "INM", "DOM")]), dryRun: false);
        var template = await client.GetAsync("/api/imports/action-points/template.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        template.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync(forumId)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Import_UnknownForum_Is404()
    {
        using var client = await SecretariatAsync();

        var response = await client.UploadAsync(Guid.NewGuid(), PlanFiles.Csv([PlanFiles.Row(1, "U-1")]), dryRun: true);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Template_IsTheHeaderAndAnExampleRowThatImports()
    {
        using var client = await SecretariatAsync();
        var forumId = await app.CreateForumAsync();

        var template = await client.GetByteArrayAsync("/api/imports/action-points/template.csv");
        var report = await client.ImportAsync(forumId, template, dryRun: true);

        Encoding.UTF8.GetString(template).TrimStart('\uFEFF').ShouldStartWith(string.Join(',', PlanFormat.Header) + "\r\n");
        report.Errors.ShouldBeEmpty();
        (report.Rows, report.ActionPointsCreated, report.AssignmentsCreated).ShouldBe((1, 1, 1));
        (await CountAsync(forumId)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Export_ForAFocalPointOutsideTheForum_Is404()
    {
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        var outsider = await app.CreatePersonAsync(Roles.FocalPoint, await app.OrganizationIdAsync("NSO-GTM"));
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(outsider.Email!, TestPeople.Password);

        (await client.GetAsync($"/api/forums/{plan.ForumId}/plan.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Documentation_DescribesEveryColumn()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "import-format.md"));

        foreach (var column in PlanFormat.Columns)
            docs.ShouldContain($"`{column.Name}`");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Coordination.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}

public sealed class ImportsApiTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : ImportsApiTests<SqliteApp>(app, output);

public sealed class ImportsApiTestsOnPostgreSql(PostgreSqlApp app, ITestOutputHelper output) : ImportsApiTests<PostgreSqlApp>(app, output);
