using AngleSharp.Dom;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Forums;
using Coordination.Web.Tests.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Pages.Reports;

/// <summary>
/// The report pages of a confidential forum, as each signed-in reader sees them: an update awaiting validation or
/// returned is marked and counted (an open cycle's compliance so far) only for its own organization and the secretariat;
/// another organization's focal point and a viewer see the accepted state only. A forum that is not confidential shows
/// every signed-in reader everything, as before.
/// </summary>
public abstract class ConfidentialReportPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string OnTime = "1 on time · 0 late · 0 not yet";
    private const string NotYet = "0 on time · 0 late · 1 not yet";

    [Theory]
    [InlineData(TestPeople.FocalMex)]
    [InlineData(TestPeople.Viewer)]
    public async Task ReportPages_InAConfidentialForum_ShowAnotherOrganizationNoUnacceptedUpdate(string email)
    {
        var plan = await ArrangeAsync(confidential: true);
        using var reader = await app.BrowserAsync(email);

        var seen = await ReadAsync(reader, plan);

        seen.AwaitingMarks.ShouldBeEmpty();
        seen.ReturnedMarks.ShouldBe(0);
        seen.Compliance["INM"].ShouldBe(("Not yet", NotYet)); // awaiting validation
        seen.Compliance["ONE"].ShouldBe(("On time", OnTime)); // accepted
        // Returned: only its own focal point still counts it.
        seen.Compliance["MIG-MEX"].ShouldBe(email == TestPeople.FocalMex ? ("On time", OnTime) : ("Not yet", NotYet));
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Secretariat)]
    public async Task ReportPages_InAConfidentialForum_ShowTheOrganizationAndTheSecretariatItsUnacceptedUpdates(string email)
    {
        var plan = await ArrangeAsync(confidential: true);
        using var reader = await app.BrowserAsync(email);

        var seen = await ReadAsync(reader, plan);

        seen.AwaitingMarks.ShouldBe(["matrix", "attention", "scorecard"]);
        seen.ReturnedMarks.ShouldBe(0); // a report never marks returned updates
        seen.Compliance["INM"].ShouldBe(("On time", OnTime));
        seen.Compliance["ONE"].ShouldBe(("On time", OnTime));
        // INM's focal point does not act for MIG-MEX: its returned update is not theirs to know of.
        seen.Compliance["MIG-MEX"].ShouldBe(email == TestPeople.Secretariat ? ("On time", OnTime) : ("Not yet", NotYet));
    }

    [Theory]
    [InlineData(TestPeople.FocalMex)]
    [InlineData(TestPeople.Viewer)]
    public async Task ReportPages_InAForumThatIsNotConfidential_ShowEverySignedInReaderTheUnacceptedUpdates(string email)
    {
        var plan = await ArrangeAsync(confidential: false);
        using var reader = await app.BrowserAsync(email);

        var seen = await ReadAsync(reader, plan);

        seen.AwaitingMarks.ShouldBe(["matrix", "attention", "scorecard"]);
        seen.Compliance["INM"].ShouldBe(("On time", OnTime));
        seen.Compliance["ONE"].ShouldBe(("On time", OnTime));
        seen.Compliance["MIG-MEX"].ShouldBe(("On time", OnTime));
    }

    /// <summary>What a reader sees of the arranged forum on the report pages.</summary>
    /// <param name="AwaitingMarks">The pages that mark INM's assignment as awaiting validation.</param>
    /// <param name="ReturnedMarks">Marks of a returned update on any of the pages.</param>
    /// <param name="Compliance">Per organization, the open cycle's cell so far: its verdict and counts.</param>
    private sealed record Seen(List<string> AwaitingMarks, int ReturnedMarks, Dictionary<string, (string Verdict, string Counts)> Compliance);

    private static async Task<Seen> ReadAsync(HttpClient reader, TestData.Plan plan)
    {
        var inm = plan.AssignmentIds["INM"];
        var matrix = await reader.GetDocumentAsync($"/reports/{plan.ForumId}/matrix");
        var attention = await reader.GetDocumentAsync($"/reports/{plan.ForumId}/attention");
        var scorecard = await reader.GetDocumentAsync($"/reports/{plan.ForumId}/organizations/{plan.OrganizationIds["INM"]}");
        var compliance = await reader.GetDocumentAsync($"/reports/{plan.ForumId}/compliance");

        // Every assignment of the forum shows on each page (all are overdue), so a missing mark is not a missing row.
        var matrixItems = matrix.QuerySelectorAll(".report-matrix a.matrix-item");
        matrixItems.Select(a => a.GetAttribute("href")).ShouldBe(plan.AssignmentIds.Values.Select(id => $"/assignments/{id}"), ignoreOrder: true);
        var attentionRows = attention.QuerySelector("#overdue-heading")!.ParentElement!.QuerySelectorAll("tbody tr");
        attentionRows.Select(r => r.GetAttribute("data-assignment")).ShouldBe(plan.AssignmentIds.Values.Select(id => id.ToString()), ignoreOrder: true);
        scorecard.QuerySelectorAll("table.report-assignments tbody tr").Select(r => r.GetAttribute("data-assignment")).ShouldBe([inm.ToString()]);

        // Only INM's assignment awaits validation: nobody sees a mark on another.
        matrixItems.Where(a => a.GetAttribute("href") != $"/assignments/{inm}").ShouldAllBe(a => a.QuerySelector(".matrix-flag-awaiting") == null);
        attentionRows.Where(r => r.GetAttribute("data-assignment") != inm.ToString()).ShouldAllBe(r => r.QuerySelector(".flag-awaiting") == null);

        var marks = new List<string>();
        if (matrixItems.Single(a => a.GetAttribute("href") == $"/assignments/{inm}").QuerySelector(".matrix-flag-awaiting") is not null)
            marks.Add("matrix");
        if (attentionRows.Single(r => r.GetAttribute("data-assignment") == inm.ToString()).QuerySelector(".flag-awaiting") is not null)
            marks.Add("attention");
        if (scorecard.QuerySelector($"tr[data-assignment='{inm}'] .flag-awaiting") is not null)
            marks.Add("scorecard");
        var returned = new[] { matrix, attention, scorecard, compliance }.Sum(p => p.QuerySelectorAll(".flag-returned").Length);

        compliance.QuerySelectorAll(".report-compliance thead th").Skip(2).ShouldHaveSingleItem().TextContent.ShouldContain("In progress: so far");
        var cells = compliance.CompliancePerOrganization(plan).ToDictionary(c => c.Key, c => c.Value.ShouldHaveSingleItem());
        return new Seen(marks, returned, cells);
    }

    /// <summary>
    /// A forum (confidential or not) that validates updates, whose one action point is overdue for INM, ONE (both of the
    /// Dominican Republic) and MIG-MEX, with an open review cycle: INM's update for it awaits validation, ONE's was
    /// accepted, MIG-MEX's was returned — all submitted before the deadline.
    /// </summary>
    private async Task<TestData.Plan> ArrangeAsync(bool confidential)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = await app.CreatePlanAsync(
            ["INM", "ONE", "MIG-MEX"], ["INM", "ONE", "MIG-MEX"], requiresValidation: true, startDate: today.AddMonths(-3), dueDate: today.AddDays(-2));
        await app.WithDbAsync(async db =>
        {
            (await db.Forums.SingleAsync(f => f.Id == plan.ForumId)).SetConfidential(confidential);
            await db.SaveChangesAsync();
        });
        var cycle = await app.CreateCycleAsync(plan.ForumId, today.AddDays(-10), today.AddDays(5), open: true);
        var submittedAt = DateTime.UtcNow.AddHours(-1);
        await app.ReportAsync(plan.AssignmentIds["INM"], cycle, submittedAt, awaitValidation: true);
        await app.ReportAsync(plan.AssignmentIds["ONE"], cycle, submittedAt); // accepted on submission
        var returned = await app.ReportAsync(plan.AssignmentIds["MIG-MEX"], cycle, submittedAt, awaitValidation: true);
        await app.WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.SingleAsync(a => a.Id == plan.AssignmentIds["MIG-MEX"]);
            var update = await db.ProgressUpdates.SingleAsync(u => u.Id == returned);
            assignment.Return(update, Guid.NewGuid(), "Secretariat officer", "Add the link to the published glossary.", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        return plan;
    }
}

public sealed class ConfidentialReportPagesTestsOnSqlite(SqliteApp app) : ConfidentialReportPagesTests<SqliteApp>(app);

public sealed class ConfidentialReportPagesTestsOnPostgreSql(PostgreSqlApp app) : ConfidentialReportPagesTests<PostgreSqlApp>(app);
