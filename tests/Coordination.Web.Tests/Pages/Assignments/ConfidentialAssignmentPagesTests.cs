using AngleSharp.Dom;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Forums;
using Coordination.Web.Tests.Progress;

namespace Coordination.Web.Tests.Pages.Assignments;

/// <summary>
/// The assignment and action point pages of a confidential forum, as each reader sees them: other organizations and
/// viewers the accepted state only; the assigned organization and the secretariat everything.
/// </summary>
public abstract class ConfidentialAssignmentPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Theory]
    [InlineData(TestPeople.FocalMex)]
    [InlineData(TestPeople.Viewer)]
    public async Task Pages_InAConfidentialForum_ShowAnotherOrganizationOnlyTheAcceptedState(string email)
    {
        var x = await app.ArrangeAsync(confidential: true);
        using var reader = await app.BrowserAsync(email);

        var page = await reader.GetDocumentAsync($"/assignments/{x.InmAssignmentId}");
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain(x.AcceptedNarrative);
        ShouldShowNoDraft(main, x);
        page.QuerySelector(".returned-panel").ShouldBeNull();
        page.QuerySelector(".awaiting-panel").ShouldBeNull();
        page.QuerySelector("header .flag-returned").ShouldBeNull();
        page.QuerySelectorAll(".progress-history > li").Length.ShouldBe(1);
        page.QuerySelector(".confidential-note").ShouldNotBeNull();

        var mexPage = await reader.GetDocumentAsync($"/assignments/{x.MexAssignmentId}");
        var actionPoint = await reader.GetDocumentAsync($"/action-points/{x.Plan.ActionPointId}");
        actionPoint.QuerySelector(".confidential-note").ShouldNotBeNull();
        Flags(actionPoint, "National Migration Institute").ShouldBeEmpty();
        if (email == TestPeople.FocalMex)
        {
            // Their own organization's update awaiting validation is theirs to see.
            mexPage.QuerySelector(".awaiting-panel").ShouldNotBeNull();
            mexPage.QuerySelector("main")!.TextContent.ShouldContain(x.MexPendingNarrative);
            mexPage.QuerySelector(".confidential-note").ShouldBeNull();
        }
        else
        {
            mexPage.QuerySelector(".awaiting-panel").ShouldBeNull();
            mexPage.QuerySelector("main")!.TextContent.ShouldNotContain(x.MexPendingNarrative);
            mexPage.QuerySelector(".progress-history").ShouldBeNull();
            Flags(actionPoint, "Mexico").ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Secretariat)]
    public async Task Pages_InAConfidentialForum_ShowTheAssignedOrganizationAndTheSecretariatEverything(string email)
    {
        var x = await app.ArrangeAsync(confidential: true);
        using var reader = await app.BrowserAsync(email);

        var page = await reader.GetDocumentAsync($"/assignments/{x.InmAssignmentId}");
        page.QuerySelector(".returned-panel .review-comment")!.TextContent.ShouldContain(x.ReturnComment);
        page.QuerySelector(".progress-history")!.TextContent.ShouldContain(x.ReturnedNarrative);
        page.QuerySelector(".confidential-note").ShouldBeNull();

        var mexPage = await reader.GetDocumentAsync($"/assignments/{x.MexAssignmentId}");
        var actionPoint = await reader.GetDocumentAsync($"/action-points/{x.Plan.ActionPointId}");
        if (email == TestPeople.Secretariat)
        {
            mexPage.QuerySelector(".awaiting-panel").ShouldNotBeNull();
            mexPage.QuerySelector("main")!.TextContent.ShouldContain(x.MexPendingNarrative);
            Flags(actionPoint, "National Migration Institute").ShouldContain("flag-returned");
            Flags(actionPoint, "Mexico").ShouldContain("flag-awaiting");
        }
        else
        {
            // The Dominican focal point is the other organization for Mexico's assignment.
            mexPage.QuerySelector(".awaiting-panel").ShouldBeNull();
            mexPage.QuerySelector("main")!.TextContent.ShouldNotContain(x.MexPendingNarrative);
            mexPage.QuerySelector(".confidential-note").ShouldNotBeNull();
            Flags(actionPoint, "National Migration Institute").ShouldContain("flag-returned");
            Flags(actionPoint, "Mexico").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Pages_InAForumThatIsNotConfidential_ShowOtherOrganizationsEverythingAsBefore()
    {
        var x = await app.ArrangeAsync(confidential: false);
        using var reader = await app.BrowserAsync(TestPeople.Viewer);

        var page = await reader.GetDocumentAsync($"/assignments/{x.InmAssignmentId}");
        page.QuerySelector(".returned-panel .review-comment")!.TextContent.ShouldContain(x.ReturnComment);
        page.QuerySelector(".progress-history")!.TextContent.ShouldContain(x.ReturnedNarrative);
        page.QuerySelector(".confidential-note").ShouldBeNull();
        var actionPoint = await reader.GetDocumentAsync($"/action-points/{x.Plan.ActionPointId}");
        actionPoint.QuerySelector(".confidential-note").ShouldBeNull();
        Flags(actionPoint, "Mexico").ShouldContain("flag-awaiting");
    }

    [Fact]
    public async Task AssignmentPage_InSpanish_SaysInSpanishThatTheForumIsConfidential()
    {
        var x = await app.ArrangeAsync(confidential: true);
        using var reader = await app.BrowserAsync(TestPeople.Viewer, "es");

        var page = await reader.GetDocumentAsync($"/assignments/{x.InmAssignmentId}");

        page.QuerySelector(".confidential-note")!.TextContent.ShouldStartWith("Este foro es confidencial");
        (await reader.GetDocumentAsync($"/assignments/{x.MexAssignmentId}")).QuerySelector(".empty-state, main")!.TextContent
            .ShouldContain("Todavía no se ha aceptado ningún informe de avance.");
    }

    private static void ShouldShowNoDraft(string text, ConfidentialityArrange.Arranged x)
    {
        text.ShouldNotContain(x.ReturnedNarrative);
        text.ShouldNotContain(x.ReturnedObstacles);
        text.ShouldNotContain(x.ReturnComment);
    }

    /// <summary>The flag classes of the action point's assignment row whose organization's name contains <paramref name="organization"/>.</summary>
    private static List<string> Flags(IDocument actionPoint, string organization) =>
        [.. actionPoint.QuerySelectorAll("table.assignments tbody tr")
            .Single(row => row.QuerySelector("td")!.TextContent.Contains(organization, StringComparison.Ordinal))
            .QuerySelectorAll(".badge").SelectMany(b => b.ClassList).Where(c => c.StartsWith("flag-", StringComparison.Ordinal))];
}

public sealed class ConfidentialAssignmentPagesTestsOnSqlite(SqliteApp app) : ConfidentialAssignmentPagesTests<SqliteApp>(app);

public sealed class ConfidentialAssignmentPagesTestsOnPostgreSql(PostgreSqlApp app) : ConfidentialAssignmentPagesTests<PostgreSqlApp>(app);
