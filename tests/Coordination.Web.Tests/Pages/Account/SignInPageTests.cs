using System.Net;
using Coordination.Application.Common.Security;
using Coordination.Web.Tests.Infrastructure;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;
using static Coordination.Web.Tests.Pages.Forums.PageSteps;

namespace Coordination.Web.Tests.Pages.Account;

/// <summary>
/// What the public meets: "/" leads to sign-in, and from there (and from the top bar of every page) the published
/// reports are one click away; once signed in, the top bar names the person with their organization.
/// </summary>
public sealed class SignInPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Home_ForAnAnonymousVisitor_LeadsToSignIn_WhichLinksToThePublishedReports()
    {
        using var visitor = app.CreateBrowserlikeClient();

        var home = await visitor.GetAsync("/");

        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(home.Location()).AbsolutePath.ShouldBe("/account/sign-in");
        var page = await visitor.GetDocumentAsync(home.Location());
        page.QuerySelector("h1")!.TextContent.ShouldBe("Sign in");
        page.QuerySelector("#public-heading")!.TextContent.ShouldBe("No account?");
        page.QuerySelector("main a.btn[href='/reports']")!.TextContent.ShouldBe("Read the published reports");
        var sections = page.QuerySelectorAll("nav a.nav-link").ToList();
        sections.Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe([("/reports", "Published reports")]);
        sections[0].HasAttribute("aria-current").ShouldBeFalse();
        page.QuerySelector(".topbar-person").ShouldBeNull();

        var reports = await visitor.GetAsync("/reports");
        reports.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect); // the list, or the only forum's report
        if (reports.StatusCode == HttpStatusCode.OK)
            (await reports.ReadDocumentAsync()).QuerySelector("nav a.nav-link[href='/reports']")!.GetAttribute("aria-current").ShouldBe("page");
    }

    [Fact]
    public async Task SignIn_InSpanish_OffersThePublishedReportsInSpanish()
    {
        using var visitor = app.CreateBrowserlikeClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var page = await visitor.GetDocumentAsync("/account/sign-in");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Iniciar sesión");
        page.QuerySelector("#public-heading")!.TextContent.ShouldBe("¿No tiene cuenta?");
        page.QuerySelector("main a.btn[href='/reports']")!.TextContent.ShouldBe("Leer los informes publicados");
        page.QuerySelector("nav a.nav-link[href='/reports']")!.TextContent.ShouldBe("Informes publicados");
    }

    [Theory]
    [InlineData(TestPeople.Secretariat, "Regional secretariat officer", "IOM")]
    [InlineData(TestPeople.FocalDom, "Focal point, INM Dominican Republic", "INM")]
    [InlineData(TestPeople.Viewer, "Programme officer, PRM", "PRM")]
    public async Task TopBar_OfASignedInPerson_ShowsThemWithTheirOrganization(string email, string name, string acronym)
    {
        using var client = await app.BrowserAsync(email);

        var page = await client.GetDocumentAsync("/account/profile");

        var person = page.QuerySelector("header a.topbar-person")!;
        person.TextContent.ShouldBe($"{name} · {acronym}");
        person.GetAttribute("href").ShouldBe("/account/profile");
    }

    [Fact]
    public async Task TopBar_OfAFocalPoint_LeadsToTheCalendarLink()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, await app.OrganizationIdAsync("UNIV"));
        using var client = await app.SignedInAsync(person);

        var page = await client.GetDocumentAsync("/");

        page.QuerySelector("header a.topbar-person")!.TextContent.ShouldBe("Test FocalPoint · UNIV");
        page.QuerySelectorAll("nav a.nav-link").Select(a => a.GetAttribute("href")).ShouldContain("/calendar");
    }
}
