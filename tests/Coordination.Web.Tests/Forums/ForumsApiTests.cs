using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Forums;

public abstract class ForumsApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private static readonly DateOnly Start = new(2022, 7, 6);
    private static readonly DateOnly End = new(2022, 7, 8);

    [Fact]
    public async Task Create_BySecretariat_Is201WithLocationAndAnAuditEntry()
    {
        using var client = await ClientAsync(TestPeople.Secretariat);
        var inm = await app.OrganizationIdAsync("INM");
        var mex = await app.OrganizationIdAsync("MIG-MEX");
        var title = $"Regional Forum {Unique()}";

        var response = await client.PostAsJsonAsync("/api/forums", new
        {
            title,
            place = "Santo Domingo, Dominican Republic",
            startDate = "2022-07-06",
            endDate = "2022-07-08",
            description = "Statistics and data on migration.",
            participantIds = new[] { inm, mex, inm },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<ForumResponse>(HttpClientExtensions.Json))!;
        created.Title.ShouldBe(title);
        created.StartDate.ShouldBe(Start);
        created.EndDate.ShouldBe(End);
        created.RequiresValidation.ShouldBeTrue();
        created.ReportPublished.ShouldBeFalse();
        created.ParticipantIds.ShouldBe([inm, mex], ignoreOrder: true);
        created.Version.ShouldNotBeNullOrWhiteSpace();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/forums/{created.Id}");
        (await client.GetFromJsonAsync<ForumResponse>(response.Headers.Location, HttpClientExtensions.Json))
            .ShouldBe(created, new ForumComparer());

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == created.Id));
        audit.Action.ShouldBe("CreateForum");
        audit.Change.ShouldBe("Created");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.After!.ShouldContain(title);
    }

    [Fact]
    public async Task Create_WithoutOptionalFields_HasNoParticipantsRequiresValidationAndIsNotConfidential()
    {
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/forums",
            new { title = $"Forum {Unique()}", place = "Panama", startDate = "2023-03-01", endDate = "2023-03-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<ForumResponse>(HttpClientExtensions.Json))!;
        created.ParticipantIds.ShouldBeEmpty();
        created.RequiresValidation.ShouldBeTrue();
        created.Confidential.ShouldBeFalse();
        created.Description.ShouldBeNull();
    }

    [Fact]
    public async Task Create_WithInvalidInput_Is400WithEveryFieldNamedAndWritesNothing()
    {
        using var client = await ClientAsync(TestPeople.Secretariat);
        var place = $"Nowhere {Unique()}";

        var response = await client.PostAsJsonAsync("/api/forums", new
        {
            title = " ",
            place = place + new string('x', 200),
            startDate = "2022-07-08",
            endDate = "2022-07-06",
            description = new string('d', 8001),
            participantIds = new[] { await app.OrganizationIdAsync("INM"), Guid.NewGuid() },
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["title", "place", "endDate", "description", "participantIds"], ignoreOrder: true);
        (await app.WithDbAsync(db => db.Forums.CountAsync(f => f.Place.StartsWith(place)))).ShouldBe(0);
    }

    [Fact]
    public async Task Create_WithoutDates_Is400OnBothDates()
    {
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync("/api/forums", new { title = "Forum", place = "Panama" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["startDate", "endDate"], ignoreOrder: true);
    }

    [Fact]
    public async Task List_ForEachRole_ShowsOnlyTheForumsTheyMayRead()
    {
        var token = Unique();
        var withInm = await CreateForumAsync($"Forum {token} with INM", "Tegucigalpa", "INM");
        var withMex = await CreateForumAsync($"Forum {token} with MIG-MEX", "Tegucigalpa", "MIG-MEX");

        async Task<List<Guid>> ListAsync(string email)
        {
            using var client = await ClientAsync(email);
            var page = await client.GetFromJsonAsync<PageOf<ForumResponse>>($"/api/forums?search={token}", HttpClientExtensions.Json);
            return page!.Items.Select(f => f.Id).ToList();
        }

        (await ListAsync(TestPeople.Secretariat)).ShouldBe([withInm.Id, withMex.Id], ignoreOrder: true);
        (await ListAsync(TestPeople.Viewer)).ShouldBe([withInm.Id, withMex.Id], ignoreOrder: true);
        (await ListAsync(TestPeople.FocalDom)).ShouldBe([withInm.Id]);
        (await ListAsync(TestPeople.FocalMex)).ShouldBe([withMex.Id]);
    }

    [Fact]
    public async Task List_SearchAndPaging_MatchTitleOrPlaceNewestFirst()
    {
        var token = Unique();
        var older = await CreateDatedForumAsync($"First forum {token.ToUpperInvariant()}", "Managua", startDate: "2021-05-01", endDate: "2021-05-02");
        var newer = await CreateDatedForumAsync("Second forum", $"San José {token}", startDate: "2024-05-01", endDate: "2024-05-02");
        await CreateForumAsync("Unrelated forum", "Belmopan");
        using var client = await ClientAsync(TestPeople.Viewer);

        var first = await client.GetFromJsonAsync<PageOf<ForumResponse>>($"/api/forums?search={token}&pageSize=1", HttpClientExtensions.Json);
        var second = await client.GetFromJsonAsync<PageOf<ForumResponse>>($"/api/forums?search={token}&pageSize=1&page=2", HttpClientExtensions.Json);

        first!.TotalCount.ShouldBe(2);
        first.PageSize.ShouldBe(1);
        first.Items.Single().Id.ShouldBe(newer.Id);
        second!.Page.ShouldBe(2);
        second.Items.Single().Id.ShouldBe(older.Id);
    }

    [Theory]
    [InlineData("/api/forums?pageSize=201", "pageSize")]
    [InlineData("/api/forums?page=0", "page")]
    public async Task List_WithInvalidPaging_Is400WithTheFieldNamed(string url, string field)
    {
        using var client = await ClientAsync(TestPeople.Viewer);

        var problem = await ProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Read_FocalPointOfAnOrganizationNotTakingPart_Is404ForTheForumAndItsConclusions_Then200OnceItTakesPart()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Guatemala City", "MIG-MEX");
        var conclusion = await CreateConclusionAsync(forum.Id, 1);
        using var focalDom = await ClientAsync(TestPeople.FocalDom);

        (await focalDom.GetAsync($"/api/forums/{forum.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await focalDom.GetAsync($"/api/forums/{forum.Id}/conclusions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var hidden = await focalDom.GetAsync($"/api/conclusions/{conclusion.Id}");
        (await ProblemAsync(hidden, HttpStatusCode.NotFound)).Title.ShouldBe("Not found.");

        using var secretariat = await ClientAsync(TestPeople.Secretariat);
        (await secretariat.PutAsJsonAsync($"/api/forums/{forum.Id}", Change(forum) with
        {
            ParticipantIds = [.. forum.ParticipantIds, await app.OrganizationIdAsync("INM")],
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await focalDom.GetFromJsonAsync<ForumResponse>($"/api/forums/{forum.Id}", HttpClientExtensions.Json))!.Id.ShouldBe(forum.Id);
        var list = await focalDom.GetFromJsonAsync<PageOf<ConclusionResponse>>($"/api/forums/{forum.Id}/conclusions", HttpClientExtensions.Json);
        list!.Items.Single().Id.ShouldBe(conclusion.Id);
        (await focalDom.GetFromJsonAsync<ConclusionResponse>($"/api/conclusions/{conclusion.Id}", HttpClientExtensions.Json))!.Number.ShouldBe(1);
    }

    [Fact]
    public async Task Read_Viewer_ReadsAForumWithoutItsOrganizationTakingPart()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "San Salvador", "MIG-MEX");
        var conclusion = await CreateConclusionAsync(forum.Id, 1);
        using var viewer = await ClientAsync(TestPeople.Viewer);

        (await viewer.GetAsync($"/api/forums/{forum.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync($"/api/forums/{forum.Id}/conclusions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync($"/api/conclusions/{conclusion.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/forums/{0}")]
    [InlineData("/api/forums/{0}/conclusions")]
    [InlineData("/api/conclusions/{0}")]
    public async Task Read_UnknownId_Is404ProblemDetails(string route)
    {
        using var client = await ClientAsync(TestPeople.Secretariat);

        await ProblemAsync(await client.GetAsync(string.Format(route, Guid.NewGuid())), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/api/forums")]
    [InlineData("POST", "/api/forums")]
    [InlineData("GET", "/api/forums/{0}")]
    [InlineData("PUT", "/api/forums/{0}")]
    [InlineData("GET", "/api/forums/{0}/conclusions")]
    [InlineData("POST", "/api/forums/{0}/conclusions")]
    [InlineData("GET", "/api/conclusions/{1}")]
    [InlineData("PUT", "/api/conclusions/{1}")]
    public async Task Anonymous_AnyRoute_Is401(string method, string route)
    {
        var plan = await app.CreatePlanAsync(["INM"], []);
        using var client = app.CreateApiClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(route, plan.ForumId, plan.ConclusionId));
        if (method is "POST" or "PUT")
            request.Content = JsonContent.Create(new { title = "Forum", number = 9, text = "Text", theme = "Theme", version = "1" });

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.ForumId == plan.ForumId))).ShouldBe(1);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom, "CreateForum")]
    [InlineData(TestPeople.Viewer, "CreateForum")]
    [InlineData(TestPeople.FocalDom, "UpdateForum")]
    [InlineData(TestPeople.Viewer, "UpdateForum")]
    [InlineData(TestPeople.FocalDom, "CreateConclusion")]
    [InlineData(TestPeople.Viewer, "CreateConclusion")]
    [InlineData(TestPeople.FocalDom, "UpdateConclusion")]
    [InlineData(TestPeople.Viewer, "UpdateConclusion")]
    public async Task Write_ByFocalPointOrViewer_Is403AndChangesNothing(string email, string write)
    {
        // INM takes part, so the focal point may read the forum: the refusal is about the role, not visibility.
        var plan = await app.CreatePlanAsync(["INM"], ["INM"]);
        using var secretariat = await ClientAsync(TestPeople.Secretariat);
        var forum = (await secretariat.GetFromJsonAsync<ForumResponse>($"/api/forums/{plan.ForumId}", HttpClientExtensions.Json))!;
        var conclusion = (await secretariat.GetFromJsonAsync<ConclusionResponse>($"/api/conclusions/{plan.ConclusionId}", HttpClientExtensions.Json))!;
        var title = $"Refused {Unique()}";
        var auditsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == plan.ForumId || a.EntityId == plan.ConclusionId));
        using var client = await ClientAsync(email);

        var response = write switch
        {
            "CreateForum" => await client.PostAsJsonAsync("/api/forums", new { title, place = "Panama", startDate = "2022-07-06", endDate = "2022-07-08" }),
            "UpdateForum" => await client.PutAsJsonAsync($"/api/forums/{forum.Id}", Change(forum) with { Title = title }),
            "CreateConclusion" => await client.PostAsJsonAsync($"/api/forums/{forum.Id}/conclusions", new { number = 2, text = title, theme = "Theme" }),
            "UpdateConclusion" => await client.PutAsJsonAsync($"/api/conclusions/{conclusion.Id}",
                new { number = 1, text = title, theme = conclusion.Theme, version = conclusion.Version }),
            _ => throw new ArgumentOutOfRangeException(nameof(write)),
        };

        (await ProblemAsync(response, HttpStatusCode.Forbidden)).Title.ShouldBe("Only the secretariat can do this.");
        (await app.WithDbAsync(db => db.Forums.CountAsync(f => f.Title == title))).ShouldBe(0);
        (await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.ForumId == plan.ForumId))).ShouldBe(1);
        (await secretariat.GetFromJsonAsync<ForumResponse>($"/api/forums/{plan.ForumId}", HttpClientExtensions.Json))!.ShouldBe(forum, new ForumComparer());
        (await secretariat.GetFromJsonAsync<ConclusionResponse>($"/api/conclusions/{plan.ConclusionId}", HttpClientExtensions.Json))!
            .ShouldBe(conclusion, new ConclusionComparer());
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == plan.ForumId || a.EntityId == plan.ConclusionId)))
            .ShouldBe(auditsBefore);
    }

    [Fact]
    public async Task Update_WithCurrentVersion_ChangesIt_AndAStaleVersionIs409AndChangesNothing()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo", "INM");
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/forums/{forum.Id}",
            Change(forum) with { Title = forum.Title + " (revised)", EndDate = "2022-07-09", RequiresValidation = false });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var updated = (await response.Content.ReadFromJsonAsync<ForumResponse>(HttpClientExtensions.Json))!;
        updated.Title.ShouldBe(forum.Title + " (revised)");
        updated.EndDate.ShouldBe(new DateOnly(2022, 7, 9));
        updated.RequiresValidation.ShouldBeFalse();
        updated.ParticipantIds.ShouldBe(forum.ParticipantIds);
        updated.Version.ShouldNotBe(forum.Version);

        var stale = await client.PutAsJsonAsync($"/api/forums/{forum.Id}", Change(forum) with { Title = "Overwritten", ParticipantIds = [] });
        (await ProblemAsync(stale, HttpStatusCode.Conflict)).Title!.ShouldContain("changed by someone else");
        (await client.GetFromJsonAsync<ForumResponse>($"/api/forums/{forum.Id}", HttpClientExtensions.Json))!.ShouldBe(updated, new ForumComparer());

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == forum.Id && a.Action == "UpdateForum"));
        audit.Change.ShouldBe("Updated");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.Before!.ShouldContain(forum.Title);
        audit.After!.ShouldContain("(revised)");
    }

    [Fact]
    public async Task Update_ParticipantsOnly_ReplacesThemWithANewVersionAndAnAuditEntry()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo", "INM", "ONE");
        var mex = await app.OrganizationIdAsync("MIG-MEX");
        var one = await app.OrganizationIdAsync("ONE");
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/forums/{forum.Id}", Change(forum) with { ParticipantIds = [one, mex] });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var updated = (await response.Content.ReadFromJsonAsync<ForumResponse>(HttpClientExtensions.Json))!;
        updated.ParticipantIds.ShouldBe([one, mex], ignoreOrder: true);
        updated.Version.ShouldNotBe(forum.Version);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == forum.Id && a.Action == "UpdateForum"));
        audit.Before!.ShouldContain(forum.ParticipantIds.Single(id => id != one).ToString());
        audit.After!.ShouldContain(mex.ToString());

        // The old version no longer holds: a second editor cannot put back the organization the first one removed.
        var stale = await client.PutAsJsonAsync($"/api/forums/{forum.Id}", Change(forum));
        await ProblemAsync(stale, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Update_WithoutParticipantIds_KeepsTheParticipants()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo", "INM", "ONE");
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/forums/{forum.Id}",
            new { title = forum.Title, place = "Punta Cana", startDate = "2022-07-06", endDate = "2022-07-08", version = forum.Version });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var updated = (await response.Content.ReadFromJsonAsync<ForumResponse>(HttpClientExtensions.Json))!;
        updated.Place.ShouldBe("Punta Cana");
        updated.ParticipantIds.ShouldBe(forum.ParticipantIds, ignoreOrder: true);
        updated.RequiresValidation.ShouldBe(forum.RequiresValidation);
    }

    [Fact]
    public async Task Update_RemovingAnOrganizationWithAssignments_Is409AndChangesNothing()
    {
        var plan = await app.CreatePlanAsync(["INM", "ONE", "MIG-MEX"], ["INM", "ONE"]);
        using var client = await ClientAsync(TestPeople.Secretariat);
        var forum = (await client.GetFromJsonAsync<ForumResponse>($"/api/forums/{plan.ForumId}", HttpClientExtensions.Json))!;

        var response = await client.PutAsJsonAsync($"/api/forums/{forum.Id}",
            Change(forum) with { Title = "Renamed", ParticipantIds = [plan.OrganizationIds["MIG-MEX"]] });

        (await ProblemAsync(response, HttpStatusCode.Conflict)).Title
            .ShouldBe("INM and ONE cannot be removed from this forum's participants: action points of this forum are assigned to them.");
        (await client.GetFromJsonAsync<ForumResponse>($"/api/forums/{forum.Id}", HttpClientExtensions.Json))!.ShouldBe(forum, new ForumComparer());
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == forum.Id && a.Action == "UpdateForum"))).ShouldBe(0);

        // One without assignments may go.
        var allowed = await client.PutAsJsonAsync($"/api/forums/{forum.Id}",
            Change(forum) with { ParticipantIds = [plan.OrganizationIds["INM"], plan.OrganizationIds["ONE"]] });
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK, await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Update_WithInvalidInput_Is400WithTheFieldsNamedAndChangesNothing()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo", "INM");
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/forums/{forum.Id}",
            Change(forum) with { Title = "", EndDate = "2022-07-01", ParticipantIds = [Guid.NewGuid()], Version = "" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["title", "endDate", "participantIds", "version"], ignoreOrder: true);
        (await client.GetFromJsonAsync<ForumResponse>($"/api/forums/{forum.Id}", HttpClientExtensions.Json))!.ShouldBe(forum, new ForumComparer());
    }

    [Fact]
    public async Task Update_UnknownForum_Is404()
    {
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/forums/{Guid.NewGuid()}",
            new { title = "Forum", place = "Panama", startDate = "2022-07-06", endDate = "2022-07-08", version = "1" });

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateConclusion_BySecretariat_Is201WithLocationAndAnAuditEntry()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo", "INM");
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/forums/{forum.Id}/conclusions", new
        {
            number = 3,
            text = "Strengthen the exchange of administrative records on migration.",
            theme = "Administrative records",
            gcmObjectives = new[] { 23, 1, 1 },
            sdgTargets = new[] { "17.18", "10.7" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<ConclusionResponse>(HttpClientExtensions.Json))!;
        created.ForumId.ShouldBe(forum.Id);
        created.Number.ShouldBe(3);
        created.Theme.ShouldBe("Administrative records");
        created.GcmObjectives.ShouldBe([1, 23]);
        created.SdgTargets.ShouldBe(["10.7", "17.18"]);
        created.Version.ShouldNotBeNullOrWhiteSpace();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/conclusions/{created.Id}");
        (await client.GetFromJsonAsync<ConclusionResponse>(response.Headers.Location, HttpClientExtensions.Json))!
            .ShouldBe(created, new ConclusionComparer());

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == created.Id));
        audit.Action.ShouldBe("CreateConclusion");
        audit.Change.ShouldBe("Created");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.After!.ShouldContain("Administrative records");
    }

    [Fact]
    public async Task CreateConclusion_WithoutTags_HasEmptyLists()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/forums/{forum.Id}/conclusions", new { number = 1, text = "Text", theme = "Theme" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<ConclusionResponse>(HttpClientExtensions.Json))!;
        created.GcmObjectives.ShouldBeEmpty();
        created.SdgTargets.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateConclusion_WithANumberTaken_Is409WithASentenceAndWritesNothing()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        await CreateConclusionAsync(forum.Id, 3);
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/forums/{forum.Id}/conclusions", new { number = 3, text = "Another text", theme = "Theme" });

        (await ProblemAsync(response, HttpStatusCode.Conflict)).Title.ShouldBe("Conclusion 3 already exists in this forum.");
        (await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.ForumId == forum.Id))).ShouldBe(1);

        // The same number in another forum is fine.
        var other = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        (await client.PostAsJsonAsync($"/api/forums/{other.Id}/conclusions", new { number = 3, text = "Text", theme = "Theme" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateConclusion_InAnUnknownForum_Is404AndWritesNothing()
    {
        using var client = await ClientAsync(TestPeople.Secretariat);
        var forumId = Guid.NewGuid();

        var response = await client.PostAsJsonAsync($"/api/forums/{forumId}/conclusions", new { number = 1, text = "Text", theme = "Theme" });

        await ProblemAsync(response, HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.ForumId == forumId))).ShouldBe(0);
    }

    [Fact]
    public async Task CreateConclusion_WithInvalidInput_Is400WithEveryFieldNamedAndWritesNothing()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PostAsJsonAsync($"/api/forums/{forum.Id}/conclusions", new
        {
            number = 0,
            text = "",
            theme = new string('t', 151),
            gcmObjectives = new[] { 1, 24 },
            sdgTargets = new[] { "10.7", "18.1" },
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["number", "text", "theme", "gcmObjectives", "sdgTargets"], ignoreOrder: true);
        problem.Errors["sdgTargets"].Single().ShouldContain("'18.1'");
        problem.Errors["gcmObjectives"].Single().ShouldContain("24");
        (await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.ForumId == forum.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task ListConclusions_InNumberOrder_FilteredByThemeObjectiveOrTarget()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        var third = await CreateConclusionAsync(forum.Id, 3, "Data sharing", [17], ["17.18"]);
        var first = await CreateConclusionAsync(forum.Id, 1, "Conceptual framework", [1], ["17.18", "10.7"]);
        var second = await CreateConclusionAsync(forum.Id, 2, "Data sharing", [1, 3], []);
        using var client = await ClientAsync(TestPeople.Viewer);

        async Task<List<int>> NumbersAsync(string filter)
        {
            var page = await client.GetFromJsonAsync<PageOf<ConclusionResponse>>($"/api/forums/{forum.Id}/conclusions?{filter}", HttpClientExtensions.Json);
            return page!.Items.Select(c => c.Number).ToList();
        }

        var all = await client.GetFromJsonAsync<PageOf<ConclusionResponse>>($"/api/forums/{forum.Id}/conclusions", HttpClientExtensions.Json);
        all!.Items.Select(c => c.Id).ShouldBe([first.Id, second.Id, third.Id]);
        (await NumbersAsync("theme=data%20sharing")).ShouldBe([2, 3]);
        (await NumbersAsync("gcmObjective=1")).ShouldBe([1, 2]);
        (await NumbersAsync("sdgTarget=17.18")).ShouldBe([1, 3]);
        (await NumbersAsync("sdgTarget=10.7&gcmObjective=1")).ShouldBe([1]);
        (await NumbersAsync("gcmObjective=23")).ShouldBeEmpty();

        var page = await client.GetFromJsonAsync<PageOf<ConclusionResponse>>($"/api/forums/{forum.Id}/conclusions?pageSize=2&page=2", HttpClientExtensions.Json);
        page!.TotalCount.ShouldBe(3);
        page.Items.Single().Id.ShouldBe(third.Id);
    }

    [Theory]
    [InlineData("gcmObjective=24", "gcmObjective")]
    [InlineData("sdgTarget=10", "sdgTarget")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task ListConclusions_WithAnInvalidFilter_Is400WithTheFieldNamed(string filter, string field)
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        using var client = await ClientAsync(TestPeople.Viewer);

        var problem = await ProblemAsync(await client.GetAsync($"/api/forums/{forum.Id}/conclusions?{filter}"), HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task UpdateConclusion_WithCurrentVersion_ChangesIt_AndAStaleVersionIs409AndChangesNothing()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        var conclusion = await CreateConclusionAsync(forum.Id, 1, "Conceptual framework", [1], ["17.18"]);
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/conclusions/{conclusion.Id}", new
        {
            number = 5,
            text = "Adopt a common conceptual framework for migration statistics.",
            theme = "Conceptual framework",
            gcmObjectives = new[] { 1, 3 },
            sdgTargets = new[] { "10.7" },
            version = conclusion.Version,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var updated = (await response.Content.ReadFromJsonAsync<ConclusionResponse>(HttpClientExtensions.Json))!;
        updated.Number.ShouldBe(5);
        updated.GcmObjectives.ShouldBe([1, 3]);
        updated.SdgTargets.ShouldBe(["10.7"]);
        updated.Version.ShouldNotBe(conclusion.Version);

        var stale = await client.PutAsJsonAsync($"/api/conclusions/{conclusion.Id}",
            new { number = 1, text = "Overwritten", theme = "Theme", version = conclusion.Version });
        (await ProblemAsync(stale, HttpStatusCode.Conflict)).Title!.ShouldContain("changed by someone else");
        (await client.GetFromJsonAsync<ConclusionResponse>($"/api/conclusions/{conclusion.Id}", HttpClientExtensions.Json))!
            .ShouldBe(updated, new ConclusionComparer());

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == conclusion.Id && a.Action == "UpdateConclusion"));
        audit.Change.ShouldBe("Updated");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.After!.ShouldContain("for migration statistics");
    }

    [Fact]
    public async Task UpdateConclusion_ToANumberTaken_Is409AndChangesNothing()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        await CreateConclusionAsync(forum.Id, 1);
        var second = await CreateConclusionAsync(forum.Id, 2);
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/conclusions/{second.Id}",
            new { number = 1, text = second.Text, theme = second.Theme, version = second.Version });

        (await ProblemAsync(response, HttpStatusCode.Conflict)).Title.ShouldBe("Conclusion 1 already exists in this forum.");
        (await client.GetFromJsonAsync<ConclusionResponse>($"/api/conclusions/{second.Id}", HttpClientExtensions.Json))!
            .ShouldBe(second, new ConclusionComparer());

        // Keeping its own number is no conflict.
        (await client.PutAsJsonAsync($"/api/conclusions/{second.Id}",
            new { number = 2, text = "Revised text", theme = second.Theme, version = second.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateConclusion_WithInvalidInput_Is400WithTheFieldsNamed()
    {
        var forum = await CreateForumAsync($"Forum {Unique()}", "Santo Domingo");
        var conclusion = await CreateConclusionAsync(forum.Id, 1);
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/conclusions/{conclusion.Id}",
            new { number = -1, text = conclusion.Text, theme = " ", gcmObjectives = new[] { 0 }, sdgTargets = new[] { "10.A" } });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["number", "theme", "gcmObjectives", "sdgTargets", "version"], ignoreOrder: true);
    }

    [Fact]
    public async Task UpdateConclusion_Unknown_Is404()
    {
        using var client = await ClientAsync(TestPeople.Secretariat);

        var response = await client.PutAsJsonAsync($"/api/conclusions/{Guid.NewGuid()}", new { number = 1, text = "Text", theme = "Theme", version = "1" });

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DescribesTheForumAndConclusionRoutesWithTheirSchemas()
    {
        using var client = app.CreateApiClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var paths = root.GetProperty("paths");

        JsonElement Schema(JsonElement schema) =>
            schema.TryGetProperty("$ref", out var reference)
                ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
                : schema;

        List<string> PropertiesOf(JsonElement schema) =>
            Schema(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        JsonElement Operation(string path, string method) => paths.GetProperty(path).GetProperty(method);

        JsonElement RequestSchema(string path, string method) =>
            Operation(path, method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        JsonElement ResponseSchema(string path, string method, string status) =>
            Operation(path, method).GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema");

        string[] forumFields = ["id", "title", "place", "startDate", "endDate", "description", "requiresValidation", "confidential", "participantIds", "reportPublished", "version"];
        string[] conclusionFields = ["id", "forumId", "number", "text", "theme", "gcmObjectives", "sdgTargets", "version"];

        PropertiesOf(ResponseSchema("/api/forums", "get", "200")).ShouldBe(["items", "page", "pageSize", "totalCount"], ignoreOrder: true);
        PropertiesOf(Schema(ResponseSchema("/api/forums", "get", "200")).GetProperty("properties").GetProperty("items").GetProperty("items"))
            .ShouldBe(forumFields, ignoreOrder: true);
        PropertiesOf(RequestSchema("/api/forums", "post"))
            .ShouldBe(["title", "place", "startDate", "endDate", "description", "requiresValidation", "participantIds", "confidential"], ignoreOrder: true);
        PropertiesOf(ResponseSchema("/api/forums", "post", "201")).ShouldBe(forumFields, ignoreOrder: true);
        PropertiesOf(ResponseSchema("/api/forums/{id}", "get", "200")).ShouldBe(forumFields, ignoreOrder: true);
        PropertiesOf(RequestSchema("/api/forums/{id}", "put")).ShouldContain("version");
        PropertiesOf(RequestSchema("/api/forums/{id}", "put")).ShouldContain("participantIds");
        PropertiesOf(RequestSchema("/api/forums/{id}", "put")).ShouldContain("confidential");
        PropertiesOf(ResponseSchema("/api/forums/{id}", "put", "200")).ShouldBe(forumFields, ignoreOrder: true);
        Operation("/api/forums/{id}", "put").GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue();

        Operation("/api/forums/{id}/conclusions", "get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ShouldBe(["id", "theme", "gcmObjective", "sdgTarget", "page", "pageSize"], ignoreOrder: true);
        PropertiesOf(RequestSchema("/api/forums/{id}/conclusions", "post"))
            .ShouldBe(["number", "text", "theme", "gcmObjectives", "sdgTargets"], ignoreOrder: true);
        PropertiesOf(ResponseSchema("/api/forums/{id}/conclusions", "post", "201")).ShouldBe(conclusionFields, ignoreOrder: true);
        PropertiesOf(ResponseSchema("/api/conclusions/{id}", "get", "200")).ShouldBe(conclusionFields, ignoreOrder: true);
        PropertiesOf(RequestSchema("/api/conclusions/{id}", "put")).ShouldContain("version");
        PropertiesOf(ResponseSchema("/api/conclusions/{id}", "put", "200")).ShouldBe(conclusionFields, ignoreOrder: true);
    }

    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(email);
        return client;
    }

    private async Task<ForumResponse> CreateForumAsync(
        string title, string place, params string[] participantAcronyms) =>
        await CreateDatedForumAsync(title, place, "2022-07-06", "2022-07-08", participantAcronyms);

    private async Task<ForumResponse> CreateDatedForumAsync(
        string title, string place, string startDate, string endDate, params string[] participantAcronyms)
    {
        var participantIds = new List<Guid>();
        foreach (var acronym in participantAcronyms)
            participantIds.Add(await app.OrganizationIdAsync(acronym));
        using var client = await ClientAsync(TestPeople.Secretariat);
        var response = await client.PostAsJsonAsync("/api/forums", new { title, place, startDate, endDate, participantIds });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ForumResponse>(HttpClientExtensions.Json))!;
    }

    private async Task<ConclusionResponse> CreateConclusionAsync(
        Guid forumId, int number, string theme = "Conceptual framework", int[]? gcmObjectives = null, string[]? sdgTargets = null)
    {
        using var client = await ClientAsync(TestPeople.Secretariat);
        var response = await client.PostAsJsonAsync($"/api/forums/{forumId}/conclusions",
            new { number, text = $"Conclusion {number}.", theme, gcmObjectives, sdgTargets });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ConclusionResponse>(HttpClientExtensions.Json))!;
    }

    private static async Task<Problem> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!;
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static ForumChange Change(ForumResponse forum) =>
        new(forum.Title, forum.Place, forum.StartDate.ToString("yyyy-MM-dd"), forum.EndDate.ToString("yyyy-MM-dd"), forum.Description,
            forum.RequiresValidation, forum.ParticipantIds, forum.Version);

    private sealed record ForumChange(
        string Title, string Place, string StartDate, string EndDate, string? Description, bool? RequiresValidation,
        List<Guid>? ParticipantIds, string Version);

    private sealed record ForumResponse(
        Guid Id, string Title, string Place, DateOnly StartDate, DateOnly EndDate, string? Description, bool RequiresValidation,
        bool Confidential, List<Guid> ParticipantIds, bool ReportPublished, string Version);

    private sealed record ConclusionResponse(
        Guid Id, Guid ForumId, int Number, string Text, string Theme, List<int> GcmObjectives, List<string> SdgTargets, string Version);

    private sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int TotalCount);

    /// <summary>Records holding lists compare lists by reference; these compare what the API said.</summary>
    private sealed class ForumComparer : IEqualityComparer<ForumResponse>
    {
        private static readonly List<Guid> None = [];

        public bool Equals(ForumResponse? x, ForumResponse? y) =>
            x is not null && y is not null
            && x with { ParticipantIds = None } == y with { ParticipantIds = None }
            && x.ParticipantIds.Order().SequenceEqual(y.ParticipantIds.Order());

        public int GetHashCode(ForumResponse obj) => obj.Id.GetHashCode();
    }

    private sealed class ConclusionComparer : IEqualityComparer<ConclusionResponse>
    {
        private static readonly List<int> NoObjectives = [];
        private static readonly List<string> NoTargets = [];

        public bool Equals(ConclusionResponse? x, ConclusionResponse? y) =>
            x is not null && y is not null
            && x with { GcmObjectives = NoObjectives, SdgTargets = NoTargets } == y with { GcmObjectives = NoObjectives, SdgTargets = NoTargets }
            && x.GcmObjectives.SequenceEqual(y.GcmObjectives) && x.SdgTargets.SequenceEqual(y.SdgTargets);

        public int GetHashCode(ConclusionResponse obj) => obj.Id.GetHashCode();
    }
}

public sealed class ForumsApiTestsOnSqlite(SqliteApp app) : ForumsApiTests<SqliteApp>(app);

public sealed class ForumsApiTestsOnPostgreSql(PostgreSqlApp app) : ForumsApiTests<PostgreSqlApp>(app);
