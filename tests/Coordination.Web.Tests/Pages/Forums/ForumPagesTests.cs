using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Forums.PageSteps;

namespace Coordination.Web.Tests.Pages.Forums;

public abstract class ForumPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task List_ForTheSecretariat_ShowsTheDemoForumWithCountAndNewButton()
    {
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync("/forums");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Forums");
        page.QuerySelectorAll("main table a").Select(a => a.TextContent).ShouldContain(DemoForumTitle);
        page.QuerySelector(".list-count")!.TextContent.ShouldMatch(@"^\d+ forums$");
        page.QuerySelector("main a[href='/forums/new']").ShouldNotBeNull();
    }

    [Fact]
    public async Task List_Search_NarrowsTheListKeepsTheTermAndSaysWhenNothingMatches()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        var title = await app.WithDbAsync(db => db.Forums.Where(f => f.Id == plan.ForumId).Select(f => f.Title).SingleAsync());
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var found = await client.GetDocumentAsync($"/forums?search={Uri.EscapeDataString(title)}");
        found.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelector("a")!.GetAttribute("href")).ShouldBe([$"/forums/{plan.ForumId}"]);
        found.QuerySelector(".list-count")!.TextContent.ShouldBe("1 forums");
        found.QuerySelector<IHtmlInputElement>("#search")!.Value.ShouldBe(title);

        var none = await client.GetDocumentAsync($"/forums?search=nothing-{Unique()}");
        none.QuerySelector(".empty-state")!.TextContent.ShouldContain("No forum matches your search");
        none.QuerySelector("main table").ShouldBeNull();
    }

    [Fact]
    public async Task Details_DemoForum_ShowsKeyFactsConclusionsWithTagsAndTheirActionPoints()
    {
        var forumId = await app.DemoForumIdAsync();
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/forums/{forumId}");

        page.QuerySelector("h1")!.TextContent.ShouldBe(DemoForumTitle);
        var facts = page.QuerySelector("dl.key-facts")!.TextContent;
        facts.ShouldContain("Santo Domingo, Dominican Republic");
        facts.ShouldContain("Validation required");
        facts.ShouldContain("Yes");
        facts.ShouldContain("Jul 6, 2022");
        var conclusions = page.QuerySelectorAll("article.conclusion");
        conclusions.Select(c => c.QuerySelector("h3")!.TextContent).Take(2)
            .ShouldBe(["Conclusion 1: Conceptual framework", "Conclusion 2: Data-collection instruments"]);
        var third = page.QuerySelector("#conclusion-3")!;
        third.QuerySelectorAll(".tags .badge").Select(b => b.TextContent).ShouldBe(["GCM 1", "GCM 7", "SDG 10.7"]);
        var first = page.QuerySelector("#conclusion-1")!;
        first.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent).ShouldBe(["RF22-01", "RF22-02"]);
        var row = first.QuerySelector("tbody tr")!;
        row.QuerySelector("td.number")!.TextContent.ShouldBe("10"); // IOM leads, nine statistics offices support
        row.QuerySelector("a")!.GetAttribute("href").ShouldStartWith("/action-points/");
        page.QuerySelector($"a[href='/forums/{forumId}/edit']").ShouldNotBeNull();
        page.QuerySelector($"a[href='/forums/{forumId}/conclusions/new']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Create_BySecretariatThroughTheForm_RecordsTheForumWithItsParticipants()
    {
        var inm = await app.OrganizationIdAsync("INM");
        var mex = await app.OrganizationIdAsync("MIG-MEX");
        var title = $"Follow-up forum {Unique()}";
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var form = await client.GetDocumentAsync("/forums/new");
        form.QuerySelector($"input[name='Input.ParticipantIds'][value='{inm}']").ShouldNotBeNull();
        form.QuerySelectorAll(".organization-group legend").Select(l => l.TextContent).ShouldContain("Dominican Republic");

        var response = await client.PostFormAsync("/forums/new",
        [
            ("Input.Title", title), ("Input.Place", "Panama City, Panama"), ("Input.StartDate", "2026-03-02"),
            ("Input.EndDate", "2026-03-03"), ("Input.Description", "The first follow-up meeting."),
            ("Input.RequiresValidation", "true"), ("Input.ParticipantIds", inm.ToString()), ("Input.ParticipantIds", mex.ToString()),
        ]);

        var page = await client.FollowAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe(title);
        page.Notice().ShouldContain("was recorded");
        page.QuerySelector("dl.key-facts")!.TextContent.ShouldContain("2 organizations");
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().Include(f => f.Participants).SingleAsync(f => f.Title == title));
        forum.Place.ShouldBe("Panama City, Panama");
        forum.StartDate.ShouldBe(new DateOnly(2026, 3, 2));
        forum.RequiresValidation.ShouldBeTrue();
        forum.Participants.Select(p => p.OrganizationId).ShouldBe([inm, mex], ignoreOrder: true);
        response.Headers.Location!.OriginalString.ShouldBe($"/forums/{forum.Id}");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == forum.Id && a.Action == "CreateForum"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Create_WithInvalidFields_ShowsTheMessagesBesideThemAndWritesNothing()
    {
        var place = $"Nowhere {Unique()}";
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var response = await client.PostFormAsync("/forums/new",
            [("Input.Title", " "), ("Input.Place", place), ("Input.StartDate", "2026-03-05"), ("Input.EndDate", "2026-03-01")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.FieldError("Input.Title").ShouldBe("Enter the forum's title.");
        page.QuerySelector(".validation-summary-errors").ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Forums.AnyAsync(f => f.Place == place))).ShouldBeFalse();

        var second = await client.PostFormAsync("/forums/new",
            [("Input.Title", "A title"), ("Input.Place", place), ("Input.StartDate", "2026-03-05"), ("Input.EndDate", "2026-03-01")]);
        (await second.ReadDocumentAsync()).FieldError("Input.EndDate").ShouldBe("The forum cannot end before it starts.");
        (await app.WithDbAsync(db => db.Forums.AnyAsync(f => f.Place == place))).ShouldBeFalse();
    }

    [Fact]
    public async Task Edit_ThroughTheForm_SavesAndAStaleVersionIsRefused()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var edit = $"/forums/{plan.ForumId}/edit";
        var inm = plan.OrganizationIds["INM"].ToString();
        var form = await client.GetDocumentAsync(edit);
        form.QuerySelector<IHtmlInputElement>($"input[name='Input.ParticipantIds'][value='{inm}']")!.IsChecked.ShouldBeTrue();
        var staleVersion = form.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value;

        var saved = await client.PostFormAsync(edit,
        [
            ("Input.Title", "Renamed forum"), ("Input.Place", "San José, Costa Rica"), ("Input.StartDate", "2026-05-04"),
            ("Input.EndDate", "2026-05-06"), ("Input.ParticipantIds", inm),
        ]);
        (await client.FollowAsync(saved)).Notice().ShouldContain("was saved");
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId));
        forum.Title.ShouldBe("Renamed forum");
        forum.RequiresValidation.ShouldBeFalse(); // the checkbox was left unticked

        var stale = await client.PostFormAsync(edit,
        [
            ("Input.Title", "Someone else's title"), ("Input.Place", "Belize City"), ("Input.StartDate", "2026-05-04"),
            ("Input.EndDate", "2026-05-06"), ("Input.ParticipantIds", inm), ("Input.Version", staleVersion),
        ]);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("changed by someone else");
        (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId))).Title.ShouldBe("Renamed forum");
    }

    [Fact]
    public async Task Conclusion_CreateAndEditThroughTheForms_ParsesTheSdgTargetsAndShowsTheTags()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var create = $"/forums/{plan.ForumId}/conclusions/new";
        var form = await client.GetDocumentAsync(create);
        form.QuerySelector<IHtmlInputElement>("input[name='Input.Number']")!.Value.ShouldBe("2"); // the plan has conclusion 1
        form.QuerySelectorAll("input[name='Input.GcmObjectives']").Length.ShouldBe(23);

        var created = await client.PostFormAsync(create,
        [
            ("Input.Number", "2"), ("Input.Theme", "Disaggregation"), ("Input.Text", "Disaggregate migration data by sex and age."),
            ("Input.GcmObjectives", "1"), ("Input.GcmObjectives", "7"), ("Input.SdgTargets", "10.7; 17.18 ,"),
        ]);

        var page = await client.FollowAsync(created);
        created.Headers.Location!.OriginalString.ShouldBe($"/forums/{plan.ForumId}#conclusion-2");
        page.Notice().ShouldBe("Conclusion 2 was recorded.");
        page.QuerySelector("#conclusion-2 .tags")!.QuerySelectorAll(".badge").Select(b => b.TextContent).ShouldBe(["GCM 1", "GCM 7", "SDG 10.7", "SDG 17.18"]);
        var conclusion = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.ForumId == plan.ForumId && c.Number == 2));
        conclusion.SdgTargets.ShouldBe(["10.7", "17.18"]);

        var edit = $"/conclusions/{conclusion.Id}/edit";
        (await client.GetDocumentAsync(edit)).QuerySelector<IHtmlInputElement>("input[name='Input.SdgTargets']")!.Value.ShouldBe("10.7, 17.18");
        var invalid = await client.PostFormAsync(edit,
            [("Input.Number", "2"), ("Input.Theme", "Disaggregation"), ("Input.Text", "Disaggregate."), ("Input.SdgTargets", "10.7, 99.9")]);
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invalid.ReadDocumentAsync()).FieldError("Input.SdgTargets").ShouldBe("'99.9' is not an SDG target (write it like 10.7 or 17.18).");

        var taken = await client.PostFormAsync(edit, [("Input.Number", "1"), ("Input.Theme", "Disaggregation"), ("Input.Text", "Disaggregate.")]);
        (await taken.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Conclusion 1 already exists");

        var saved = await client.PostFormAsync(edit, [("Input.Number", "3"), ("Input.Theme", "Data disaggregation"), ("Input.Text", "Disaggregate.")]);
        (await client.FollowAsync(saved)).QuerySelector("#conclusion-3 h3")!.TextContent.ShouldBe("Conclusion 3: Data disaggregation");
        var changed = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == conclusion.Id));
        changed.GcmObjectives.ShouldBeEmpty();
        changed.SdgTargets.ShouldBeEmpty();
    }

    [Fact]
    public async Task FocalPoint_GetsTheNotAllowedPageOnNewForumAndSeesNoEditButtons()
    {
        var forumId = await app.DemoForumIdAsync();
        var conclusionId = await app.WithDbAsync(db => db.Conclusions.Where(c => c.ForumId == forumId).Select(c => c.Id).FirstAsync());
        using var client = await app.BrowserAsync(TestPeople.FocalMex);

        foreach (var url in new[] { "/forums/new", $"/forums/{forumId}/edit", $"/forums/{forumId}/conclusions/new", $"/conclusions/{conclusionId}/edit" })
        {
            var refused = await client.GetAsync(url);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await refused.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Not allowed");
        }

        var list = await client.GetDocumentAsync("/forums");
        list.QuerySelector("main a[href='/forums/new']").ShouldBeNull();
        var details = await client.GetDocumentAsync($"/forums/{forumId}");
        details.QuerySelector("h1")!.TextContent.ShouldBe(DemoForumTitle);
        details.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "")
            .ShouldAllBe(href => !href.EndsWith("/edit") && !href.Contains("/new"));
    }

    [Fact]
    public async Task FocalPoint_OfAnOrganizationOutsideTheForum_GetsTheNotFoundPageOnItsUrls()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.BrowserAsync(TestPeople.FocalMex);

        foreach (var url in new[]
                 {
                     $"/forums/{plan.ForumId}", $"/forums/{plan.ForumId}/edit", $"/forums/{plan.ForumId}/conclusions/new",
                     $"/conclusions/{plan.ConclusionId}/edit",
                 })
        {
            var hidden = await client.GetAsync(url);
            hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await hidden.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
        }

        (await client.GetDocumentAsync($"/forums?search={Uri.EscapeDataString("Test forum")}"))
            .QuerySelectorAll("main tbody a").Select(a => a.GetAttribute("href")).ShouldNotContain($"/forums/{plan.ForumId}");
    }

    [Fact]
    public async Task FocalPoint_PostingTheForumForm_IsNotAllowedAndWritesNothing()
    {
        var place = $"Nowhere {Unique()}";
        using var client = await app.BrowserAsync(TestPeople.FocalMex);

        var refused = await client.PostWithOwnTokenAsync("/forums/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Not theirs", ["Input.Place"] = place, ["Input.StartDate"] = "2026-01-01", ["Input.EndDate"] = "2026-01-02",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Forums.AnyAsync(f => f.Place == place))).ShouldBeFalse();
    }

    [Fact]
    public async Task Conclusion_TakenNumberInSpanish_SaysSoInSpanishWithTheNumber()
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = await app.BrowserAsync(TestPeople.Secretariat, "es");

        var taken = await client.PostFormAsync($"/forums/{plan.ForumId}/conclusions/new",
            [("Input.Number", "1"), ("Input.Theme", "Datos"), ("Input.Text", "Desagregar los datos.")]);

        (await taken.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent
            .ShouldContain("La conclusión 1 ya existe en este foro.");
    }

    [Fact]
    public async Task Pages_InSpanish_HaveSpanishHeadings()
    {
        var forumId = await app.DemoForumIdAsync();
        using var client = await app.BrowserAsync(TestPeople.Secretariat, "es");

        (await client.GetDocumentAsync("/forums")).QuerySelector("h1")!.TextContent.ShouldBe("Foros");
        var details = await client.GetDocumentAsync($"/forums/{forumId}");
        details.QuerySelector("#conclusions-heading")!.TextContent.ShouldBe("Conclusiones");
        details.QuerySelector("#conclusion-1 h3")!.TextContent.ShouldStartWith("Conclusión 1");
        details.QuerySelector("dl.key-facts")!.TextContent.ShouldContain("jul 2022");
        (await client.GetDocumentAsync("/forums/new")).QuerySelector("h1")!.TextContent.ShouldBe("Nuevo foro");
        var conclusion = await client.GetDocumentAsync($"/forums/{forumId}/conclusions/new");
        conclusion.QuerySelector("h1")!.TextContent.ShouldBe("Nueva conclusión");
        conclusion.QuerySelector("label[for='Input_Theme']")!.TextContent.ShouldBe("Tema");
    }
}

public sealed class ForumPagesTestsOnSqlite(SqliteApp app) : ForumPagesTests<SqliteApp>(app);

public sealed class ForumPagesTestsOnPostgreSql(PostgreSqlApp app) : ForumPagesTests<PostgreSqlApp>(app);
