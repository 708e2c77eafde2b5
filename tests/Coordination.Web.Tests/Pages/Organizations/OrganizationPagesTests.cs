using System.Net;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Account;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;

namespace Coordination.Web.Tests.Pages.Organizations;

public abstract class OrganizationPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task List_FiltersByKindCountryAndName_InTheQueryString_WithCountAndPaging()
    {
        var tag = Tag();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 27; i++)
                db.Organizations.Add(Organization.Create($"Observatory {tag} {i:00}", $"O{i:00}", OrganizationKind.Academia, i < 3 ? "CRI" : null));
            db.Organizations.Add(Organization.Create($"Statistics {tag}", "ST", OrganizationKind.MemberStateInstitution, "CRI"));
            await db.SaveChangesAsync();
        });
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);

        var page = await browser.GetDocumentAsync($"/organizations?search={tag}&kind=Academia");
        page.QuerySelector("#organization-count")!.TextContent.ShouldBe("27 organizations");
        page.QuerySelectorAll("table tbody tr").Length.ShouldBe(25);
        page.QuerySelector("select#kind option[selected]")!.GetAttribute("value").ShouldBe("Academia");
        var second = await browser.GetDocumentAsync($"/organizations?search={tag}&kind=Academia&page=2");
        second.QuerySelectorAll("table tbody tr").Length.ShouldBe(2);
        second.QuerySelector("#organization-count")!.TextContent.ShouldBe("27 organizations");

        var byCountry = await browser.GetDocumentAsync($"/organizations?search={tag}&kind=Academia&country=CRI");
        byCountry.QuerySelector("#organization-count")!.TextContent.ShouldBe("3 organizations");
        byCountry.QuerySelectorAll("table tbody tr").ShouldAllBe(row => row.TextContent.Contains("Costa Rica"));
        byCountry.QuerySelector("select#country option[selected]")!.GetAttribute("value").ShouldBe("CRI");

        var memberStates = await browser.GetDocumentAsync($"/organizations?search={tag}&kind=MemberStateInstitution");
        memberStates.QuerySelectorAll("table tbody tr").Single().TextContent.ShouldContain($"Statistics {tag}");

        var none = await browser.GetDocumentAsync($"/organizations?search={tag}&kind=Donor");
        none.QuerySelector("#organization-count")!.TextContent.ShouldBe("0 organizations");
        none.QuerySelector(".empty-state")!.TextContent.ShouldContain("No organization matches these filters");
    }

    [Fact]
    public async Task List_WithAnUnknownKindOrCountry_ListsInsteadOfFailing()
    {
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);

        var response = await browser.GetAsync("/organizations?kind=Planet&country=XXX&page=abc");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelectorAll("table tbody tr").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Create_AddsTheOrganization_AndOpensItsPage()
    {
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);
        var name = $"Migration Directorate {Tag()}";

        var created = await browser.SubmitFormAsync("/organizations/new", Fields(
            ("Input.Name", name), ("Input.Acronym", "DGM-PAN"), ("Input.Kind", "MemberStateInstitution"), ("Input.CountryCode", "PAN")));

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var organization = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Name == name));
        (organization.Acronym, organization.Kind, organization.CountryCode).ShouldBe(("DGM-PAN", OrganizationKind.MemberStateInstitution, "PAN"));
        created.Location().ShouldBe($"/organizations/{organization.Id}");
        var page = await browser.GetDocumentAsync(created.Location());
        page.QuerySelector("h1")!.TextContent.ShouldContain(name);
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("was added");
        page.QuerySelector("main")!.TextContent.ShouldContain("Panama");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == organization.Id && a.Action == "CreateOrganization"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Create_WithoutNameOrAMemberStateWithoutCountry_ShowsErrorsBesideTheFieldsAndWritesNothing()
    {
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);
        var acronym = Tag()[..8];

        var missing = await browser.SubmitFormAsync("/organizations/new", Fields(("Input.Name", ""), ("Input.Acronym", acronym), ("Input.Kind", "")));
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await missing.ReadDocumentAsync();
        page.ErrorFor("Input.Name").ShouldBe("Enter the organization's name.");
        page.ErrorFor("Input.Kind").ShouldBe("Choose the kind of organization.");
        page.QuerySelector(".validation-summary-errors").ShouldNotBeNull();

        var noCountry = await browser.SubmitFormAsync("/organizations/new", Fields(
            ("Input.Name", "Some institution"), ("Input.Acronym", acronym), ("Input.Kind", "MemberStateInstitution"), ("Input.CountryCode", "")));
        (await noCountry.ReadDocumentAsync()).ErrorFor("Input.CountryCode").ShouldBe("A member-state institution must belong to a country.");

        (await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Acronym == acronym))).ShouldBeFalse();
    }

    [Fact]
    public async Task Edit_ChangesTheOrganization_AndAStaleVersionIsRefused()
    {
        var id = await NewOrganizationAsync();
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);
        var form = await browser.GetDocumentAsync($"/organizations/{id}/edit");
        form.QuerySelector("input[name='Input.Acronym']")!.GetAttribute("value").ShouldBe("CSO-T");
        form.QuerySelector("select[name='Input.Kind'] option[selected]")!.GetAttribute("value").ShouldBe("CivilSociety");

        var saved = await browser.SubmitFormAsync($"/organizations/{id}/edit", Fields(
            ("Input.Name", "Renamed network"), ("Input.Acronym", "RN"), ("Input.Kind", "CivilSociety"), ("Input.CountryCode", "GTM")));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Location().ShouldBe($"/organizations/{id}");
        var details = await browser.GetDocumentAsync(saved.Location());
        details.QuerySelector("h1")!.TextContent.ShouldContain("Renamed network");
        details.QuerySelector("main")!.TextContent.ShouldContain("Guatemala");

        var stale = await browser.SubmitFormAsync($"/organizations/{id}/edit", Fields(
            ("Input.Name", "Lost change"), ("Input.Acronym", "RN"), ("Input.Kind", "CivilSociety"), ("Input.CountryCode", ""), ("Input.Version", "0")));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("changed by someone else");
        (await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id))).Name.ShouldBe("Renamed network");
    }

    [Fact]
    public async Task Edit_UnknownOrganization_IsTheNotFoundPage()
    {
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);

        var response = await browser.GetAsync($"/organizations/{Guid.NewGuid()}/edit");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }

    [Theory]
    [InlineData(TestPeople.FocalDom, "/organizations/new")]
    [InlineData(TestPeople.FocalMex, "/organizations")]
    [InlineData(TestPeople.Viewer, "/organizations/new")]
    public async Task OrganizationPages_ForAnyoneButTheSecretariat_AreTheNotAllowedPage(string email, string url)
    {
        using var browser = await app.SignedInAsync(email, TestPeople.DemoPassword);

        var response = await browser.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var heading = (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent;
        heading.ShouldBeOneOf("Not allowed", "Acceso no permitido");
    }

    [Fact]
    public async Task Create_PostedByAFocalPoint_IsRefusedAndWritesNothing()
    {
        using var browser = await app.SignedInAsync(TestPeople.FocalMex, TestPeople.DemoPassword);
        var name = $"Sneaky {Tag()}";

        var response = await browser.PostWithTokenFromAsync("/account/profile", "/organizations/new", Fields(
            ("Input.Name", name), ("Input.Acronym", "SNK"), ("Input.Kind", "Other")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == name))).ShouldBeFalse();
    }

    [Fact]
    public async Task OrganizationPages_InSpanish_ShowSpanishHeadings()
    {
        var secretariat = await app.CreatePersonAsync(Roles.Secretariat, "IOM", "es");
        var id = await NewOrganizationAsync();
        using var browser = await app.SignedInAsync(secretariat);

        (await browser.GetDocumentAsync("/organizations")).QuerySelector("h1")!.TextContent.ShouldBe("Organizaciones y personas");
        (await browser.GetDocumentAsync("/organizations/new")).QuerySelector("h1")!.TextContent.ShouldBe("Nueva organización");
        (await browser.GetDocumentAsync($"/organizations/{id}/edit")).QuerySelector("h1")!.TextContent.ShouldBe("Editar la organización");
        var details = await browser.GetDocumentAsync($"/organizations/{id}");
        details.QuerySelector("#people-heading")!.TextContent.ShouldBe("Personas");
        details.QuerySelector("#invite-heading")!.TextContent.ShouldBe("Invitar a una persona");
    }

    private Task<Guid> NewOrganizationAsync() =>
        app.WithDbAsync(async db =>
        {
            var organization = Organization.Create($"Civil society network {Tag()}", "CSO-T", OrganizationKind.CivilSociety, null);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });

    private static string Tag() => Guid.NewGuid().ToString("N")[..10];
}

public sealed class OrganizationPagesTestsOnSqlite(SqliteApp app) : OrganizationPagesTests<SqliteApp>(app);

public sealed class OrganizationPagesTestsOnPostgreSql(PostgreSqlApp app) : OrganizationPagesTests<PostgreSqlApp>(app);
