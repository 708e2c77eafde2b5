using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Forums.PageSteps;

namespace Coordination.Web.Tests.Pages.Forums;

/// <summary>The forum form's "confidential" box: explained, saved, shown on the details page, the secretariat's alone.</summary>
public abstract class ForumConfidentialityPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task ConfidentialBox_TickedOnCreateAndUntickedOnEdit_IsSavedShownAndAudited()
    {
        var inm = (await app.OrganizationIdAsync("INM")).ToString();
        var title = $"Closed-door follow-up {Unique()}";
        using var client = await app.BrowserAsync(TestPeople.Secretariat);
        var form = await client.GetDocumentAsync("/forums/new");
        form.QuerySelector<IHtmlInputElement>("input[name='Input.Confidential'][type=checkbox]")!.IsChecked.ShouldBeFalse();
        form.QuerySelector("label[for='Input_Confidential']")!.TextContent.ShouldBe("Confidential forum");
        form.QuerySelector("#confidential-help")!.TextContent.ShouldContain("seen only by that organization's focal points and the secretariat");

        var created = await client.PostFormAsync("/forums/new",
        [
            ("Input.Title", title), ("Input.Place", "Tegucigalpa, Honduras"), ("Input.StartDate", "2026-06-01"),
            ("Input.EndDate", "2026-06-02"), ("Input.RequiresValidation", "true"), ("Input.Confidential", "true"),
            ("Input.ParticipantIds", inm),
        ]);

        var details = await client.FollowAsync(created);
        details.QuerySelector(".confidential-badge")!.TextContent.ShouldBe("Confidential");
        details.QuerySelector(".confidential-fact")!.TextContent.Trim().ShouldStartWith("Yes");
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Title == title));
        forum.Confidential.ShouldBeTrue();

        var edit = $"/forums/{forum.Id}/edit";
        (await client.GetDocumentAsync(edit)).QuerySelector<IHtmlInputElement>("input[name='Input.Confidential'][type=checkbox]")!
            .IsChecked.ShouldBeTrue();
        var saved = await client.PostFormAsync(edit,
        [
            ("Input.Title", title), ("Input.Place", "Tegucigalpa, Honduras"), ("Input.StartDate", "2026-06-01"),
            ("Input.EndDate", "2026-06-02"), ("Input.RequiresValidation", "true"), ("Input.ParticipantIds", inm),
        ]);

        var after = await client.FollowAsync(saved);
        after.QuerySelector(".confidential-badge").ShouldBeNull();
        after.QuerySelector(".confidential-fact")!.TextContent.Trim().ShouldBe("No");
        (await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == forum.Id))).Confidential.ShouldBeFalse();
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityId == forum.Id && a.Action == "UpdateForum"));
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.Before!.ShouldContain("\"confidential\":true");
        audit.After!.ShouldContain("\"confidential\":false");
    }

    [Fact]
    public async Task ConfidentialBox_PostedByAFocalPoint_IsNotAllowedAndWritesNothing()
    {
        var plan = await app.CreatePlanAsync(["MIG-MEX"], ["MIG-MEX"]);
        using var client = await app.BrowserAsync(TestPeople.FocalMex);
        var version = await app.WithDbAsync(db => db.Forums.Where(f => f.Id == plan.ForumId).Select(f => f.Version).SingleAsync());

        var refused = await client.PostWithOwnTokenAsync($"/forums/{plan.ForumId}/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Made confidential", ["Input.Place"] = "Mexico City", ["Input.StartDate"] = "2026-01-01",
            ["Input.EndDate"] = "2026-01-02", ["Input.Confidential"] = "true", ["Input.Version"] = version.ToString(),
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == plan.ForumId));
        forum.Confidential.ShouldBeFalse();
        forum.Version.ShouldBe(version);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == plan.ForumId && a.Action == "UpdateForum"))).ShouldBeFalse();
    }

    [Fact]
    public async Task ConfidentialBox_InSpanish_IsLabelledAndExplainedInSpanish()
    {
        using var client = await app.BrowserAsync(TestPeople.Secretariat, "es");

        var form = await client.GetDocumentAsync("/forums/new");

        form.QuerySelector("label[for='Input_Confidential']")!.TextContent.ShouldBe("Foro confidencial");
        form.QuerySelector("#confidential-help")!.TextContent.ShouldStartWith("En un foro confidencial");
    }
}

public sealed class ForumConfidentialityPagesTestsOnSqlite(SqliteApp app) : ForumConfidentialityPagesTests<SqliteApp>(app);

public sealed class ForumConfidentialityPagesTestsOnPostgreSql(PostgreSqlApp app) : ForumConfidentialityPagesTests<PostgreSqlApp>(app);
