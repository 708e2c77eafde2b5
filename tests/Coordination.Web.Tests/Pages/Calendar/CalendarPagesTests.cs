using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Application.Common.Security;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;
using static Coordination.Web.Tests.Pages.Forums.PageSteps;

namespace Coordination.Web.Tests.Pages.Calendar;

/// <summary>
/// The calendar link page (/calendar) and its confirmation to regenerate (/calendar/regenerate): the organization's
/// focal points and the secretariat see and regenerate it; viewers and other organizations' focal points are refused.
/// </summary>
public abstract class CalendarPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private sealed record LinkResponse(string Url);

    [Fact]
    public async Task Calendar_ForAFocalPoint_ShowsTheirOrganizationsFeedAddress_HowToSubscribe_AndTheWayToRegenerate()
    {
        var organizationId = await app.OrganizationIdAsync("NSO-HND");
        using var client = await app.SignedInAsync(await app.CreatePersonAsync(Roles.FocalPoint, organizationId));

        var page = await client.GetDocumentAsync("/calendar");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Calendar link");
        var address = Address(page);
        address.ShouldBe(await LinkAsync(organizationId));
        address.ShouldStartWith($"https://localhost/calendar/{organizationId}.ics?token=");
        page.QuerySelector("label[for='calendar-url']")!.TextContent.ShouldBe("Calendar address of NSO-HND");
        page.QuerySelector("a.calendar-webcal")!.GetAttribute("href").ShouldBe("webcal://" + address["https://".Length..]);
        page.QuerySelectorAll(".calendar-subscribe dt").Select(d => d.TextContent).ShouldBe(["Outlook", "Google Calendar", "Apple Calendar"]);
        page.QuerySelector($".calendar-regenerate a[href='/calendar/regenerate?organization={organizationId}']")!.TextContent.ShouldBe("Regenerate the link");
        page.QuerySelector(".calendar-choice").ShouldBeNull(); // only the secretariat chooses an organization
        page.QuerySelectorAll("nav a.nav-link").Select(a => a.GetAttribute("href")).ShouldContain("/calendar");

        // The address is the feed itself.
        using var calendarApplication = app.CreateApiClient();
        var feed = await calendarApplication.GetAsync(address.Replace("https://localhost", "", StringComparison.Ordinal));
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
    }

    [Fact]
    public async Task Calendar_ForTheSecretariat_ShowsTheChosenOrganizationsLink()
    {
        var organizationId = await app.OrganizationIdAsync("NSO-NIC");
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var page = await client.GetDocumentAsync($"/calendar?organization={organizationId}");

        Address(page).ShouldBe(await LinkAsync(organizationId));
        var choice = page.QuerySelector<IHtmlSelectElement>(".calendar-choice select[name='organization']")!;
        choice.Value.ShouldBe(organizationId.ToString());
        page.QuerySelector("label[for='calendar-organization']").ShouldNotBeNull();
        page.QuerySelectorAll("nav a.nav-link").Select(a => a.GetAttribute("href")).ShouldNotContain("/calendar");

        // Without a choice: the secretariat's own organization's.
        var own = await client.GetDocumentAsync("/calendar");
        Address(own).ShouldBe(await LinkAsync(await app.OrganizationIdAsync("IOM")));
    }

    [Fact]
    public async Task Calendar_OfAnotherOrganization_IsRefusedToAFocalPoint_AndEveryCalendarPageToAViewer()
    {
        var other = await app.OrganizationIdAsync("NSO-CRI");
        var before = await TokenAsync(other);
        using var focal = await app.BrowserAsync(TestPeople.FocalMex);
        using var viewer = await app.BrowserAsync(TestPeople.Viewer);

        foreach (var url in new[] { $"/calendar?organization={other}", $"/calendar/regenerate?organization={other}" })
        {
            var refused = await focal.GetAsync(url);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await refused.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBeOneOf("Not allowed", "Acceso no permitido");
        }

        foreach (var url in new[] { "/calendar", $"/calendar?organization={other}", "/calendar/regenerate" })
            (await viewer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        (await viewer.GetDocumentAsync("/")).QuerySelectorAll("nav a.nav-link").Select(a => a.GetAttribute("href")).ShouldNotContain("/calendar");

        // Forged posts change nothing.
        (await focal.PostWithTokenFromAsync("/account/profile", "/calendar/regenerate", Fields(("organization", other.ToString()))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostWithTokenFromAsync("/account/profile", "/calendar/regenerate", Fields(("organization", other.ToString()))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostWithTokenFromAsync("/account/profile", "/calendar/regenerate")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TokenAsync(other)).ShouldBe(before);
    }

    [Fact]
    public async Task Calendar_OfAnUnknownOrganization_IsNotFoundForTheSecretariat()
    {
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        (await client.GetAsync($"/calendar?organization={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/calendar/regenerate?organization={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Regenerate_ByAFocalPoint_AsksFirst_ThenReplacesTheLink_AndTheOldOneStopsWorking()
    {
        var organizationId = await app.OrganizationIdAsync("NSO-GTM");
        using var client = await app.SignedInAsync(await app.CreatePersonAsync(Roles.FocalPoint, organizationId));
        var oldAddress = Address(await client.GetDocumentAsync("/calendar"));

        var question = await client.GetDocumentAsync("/calendar/regenerate");
        question.QuerySelector("h1")!.TextContent.ShouldBe("Regenerate the calendar link of NSO-GTM?");
        question.QuerySelector(".confirm-card")!.TextContent.ShouldContain("The old link stops working at once");
        question.QuerySelector(".confirm-card a[href='/calendar']")!.TextContent.ShouldBe("No, go back");
        (await TokenAsync(organizationId)).ShouldBe(Token(oldAddress), "asking changes nothing");

        var response = await client.PostFormAsync("/calendar/regenerate", []);

        response.Location().ShouldBe("/calendar");
        var page = await client.FollowAsync(response);
        page.Notice().ShouldStartWith("The calendar link of NSO-GTM was regenerated.");
        var newAddress = Address(page);
        newAddress.ShouldNotBe(oldAddress);
        newAddress.ShouldBe(await LinkAsync(organizationId));
        using var calendarApplication = app.CreateApiClient();
        (await calendarApplication.GetAsync(Path(oldAddress))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await calendarApplication.GetAsync(Path(newAddress))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == organizationId && a.Action == "RegenerateCalendarLink")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Regenerate_ByTheSecretariat_ForAnotherOrganization_GoesBackToThatOrganizationsLink()
    {
        var organizationId = await app.OrganizationIdAsync("MIG-GTM");
        var before = await TokenAsync(organizationId);
        using var client = await app.BrowserAsync(TestPeople.Secretariat);

        var response = await client.PostFormAsync($"/calendar/regenerate?organization={organizationId}", []);

        response.Location().ShouldBe($"/calendar?organization={organizationId}");
        var page = await client.FollowAsync(response);
        Token(Address(page)).ShouldNotBe(before);
        (await TokenAsync(organizationId)).ShouldBe(Token(Address(page)));
    }

    [Fact]
    public async Task Calendar_InSpanish_ShowsSpanishHeadings()
    {
        using var client = await app.BrowserAsync(TestPeople.FocalDom, "es");

        var page = await client.GetDocumentAsync("/calendar");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Enlace del calendario");
        page.QuerySelector("#subscribe-heading")!.TextContent.ShouldBe("Cómo suscribirse");
        page.QuerySelector("#regenerate-heading")!.TextContent.ShouldBe("Generar un nuevo enlace");
        page.QuerySelectorAll("nav a.nav-link").Select(a => a.TextContent).ShouldContain("Enlace del calendario");
        var question = await client.GetDocumentAsync("/calendar/regenerate");
        question.QuerySelector("h1")!.TextContent.ShouldBe("¿Generar un nuevo enlace del calendario de INM?");
    }

    private static string Address(IDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input#calendar-url")?.Value
        ?? throw new ShouldAssertException($"No calendar address on the page: {page.QuerySelector("h1")?.TextContent}");

    private static string Path(string address) => new Uri(address).PathAndQuery;

    private static string Token(string address) => Uri.UnescapeDataString(new Uri(address).Query["?token=".Length..]);

    private Task<string> TokenAsync(Guid organizationId) =>
        app.WithDbAsync(db => db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.CalendarToken).SingleAsync());

    /// <summary>The link as the API gives it to the secretariat.</summary>
    private async Task<string> LinkAsync(Guid organizationId)
    {
        using var api = app.CreateApiClient();
        await api.SignInWithTokenAsync(TestPeople.Secretariat);
        return (await api.GetFromJsonAsync<LinkResponse>($"/api/organizations/{organizationId}/calendar", HttpClientExtensions.Json))!.Url;
    }
}

public sealed class CalendarPagesTestsOnSqlite(SqliteApp app) : CalendarPagesTests<SqliteApp>(app);

public sealed class CalendarPagesTestsOnPostgreSql(PostgreSqlApp app) : CalendarPagesTests<PostgreSqlApp>(app);
