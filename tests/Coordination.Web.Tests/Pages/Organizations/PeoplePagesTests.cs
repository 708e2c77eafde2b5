using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Account;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;

namespace Coordination.Web.Tests.Pages.Organizations;

public abstract class PeoplePagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task Details_ListsThePeopleOfTheOrganization_WithRoleAndAccountStatus()
    {
        var active = await app.CreatePersonAsync(Roles.FocalPoint, "NSO-BLZ", "en");
        var inactive = await app.CreatePersonAsync(Roles.Viewer, "NSO-BLZ", "en");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == inactive.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);

        var page = await browser.GetDocumentAsync($"/organizations/{await app.OrganizationIdAsync("NSO-BLZ")}");

        var activeRow = page.QuerySelector($"#person-{active.Id}")!;
        activeRow.TextContent.ShouldContain(active.Email!);
        activeRow.TextContent.ShouldContain("Focal point");
        activeRow.TextContent.ShouldContain("Active");
        activeRow.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/people/{active.Id}/deactivate");
        var inactiveRow = page.QuerySelector($"#person-{inactive.Id}")!;
        inactiveRow.TextContent.ShouldContain("Deactivated");
        inactiveRow.QuerySelector("form")!.GetAttribute("action").ShouldBe($"/people/{inactive.Id}/reactivate");
    }

    [Fact]
    public async Task Invite_FromTheOrganizationPage_WritesTheInvitationAndItsMail_AndListsItAsPending()
    {
        var organizationId = await app.OrganizationIdAsync("MIG-GTM");
        var email = $"invitee.{Guid.NewGuid():N}@test.example.org";
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);

        var response = await browser.SubmitFormAsync($"/organizations/{organizationId}", Fields(
            ("Input.Email", email), ("Input.Role", "FocalPoint"), ("Input.Language", "es")), "#invite-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var invitation = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == email));
        (invitation.OrganizationId, invitation.Role).ShouldBe((organizationId, "FocalPoint"));
        var mail = (await app.LastMailToAsync(email, "Invitation")).ShouldNotBeNull();
        mail.Language.ShouldBe("es");
        mail.TextBody.ShouldContain("/account/accept-invitation?token=");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == invitation.Id && a.Action == "InvitePerson"))).ShouldBeTrue();
        var page = await browser.GetDocumentAsync($"/organizations/{organizationId}");
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain(email);
        page.QuerySelector(".invitations-table")!.TextContent.ShouldContain(email);
    }

    [Fact]
    public async Task Invite_BadAddressOrSomeoneWithAnAccount_ShowsTheMessageAndWritesNothing()
    {
        var organizationId = await app.OrganizationIdAsync("MIG-GTM");
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);

        var bad = await browser.SubmitFormAsync($"/organizations/{organizationId}", Fields(
            ("Input.Email", "not-an-address"), ("Input.Role", "Viewer"), ("Input.Language", "en")), "#invite-form");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.ReadDocumentAsync()).ErrorFor("Input.Email").ShouldBe("Enter an e-mail address such as name@example.org.");

        var taken = await browser.SubmitFormAsync($"/organizations/{organizationId}", Fields(
            ("Input.Email", TestPeople.FocalMex), ("Input.Role", "Viewer"), ("Input.Language", "en")), "#invite-form");
        taken.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await taken.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("already has an account");

        (await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == "not-an-address" || i.Email == TestPeople.FocalMex))).ShouldBeFalse();
    }

    [Fact]
    public async Task Deactivate_AfterConfirming_ThePersonCannotSignIn_AndReactivatingRestoresIt()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "MIG-HND", "en");
        using var api = app.CreateApiClient();
        var token = await api.SignInWithTokenAsync(person.Email!, TestPeople.Password);
        var stampBefore = await StampAsync(person.Id);
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);

        var confirm = await browser.GetDocumentAsync($"/people/{person.Id}/deactivate");
        confirm.QuerySelector("h1")!.TextContent.ShouldBe("Deactivate an account");
        confirm.QuerySelector("main")!.TextContent.ShouldContain(person.Email!);
        var deactivated = await browser.SubmitFormAsync($"/people/{person.Id}/deactivate", Fields());

        deactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deactivated.Location().ShouldStartWith($"/organizations/{person.OrganizationId}");
        (await app.CanSignInThroughApiAsync(person.Email!, TestPeople.Password)).ShouldBeFalse();
        using (var login = app.CreateApiClient())
            (await login.LoginAsync(person.Email!, TestPeople.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await StampAsync(person.Id)).ShouldNotBe(stampBefore, "a new stamp ends the sign-ins the person holds");
        (await api.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await browser.GetDocumentAsync(deactivated.Location());
        page.QuerySelector($"#person-{person.Id}")!.TextContent.ShouldContain("Deactivated");
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Person" && a.EntityId == person.Id));
        (audit.Action, audit.UserEmail, audit.Before, audit.After).ShouldBe(("DeactivatePerson", TestPeople.Secretariat, """{"isActive":true}""", """{"isActive":false}"""));

        var reactivated = await browser.SubmitFormAsync($"/organizations/{person.OrganizationId}", Fields(), $"#person-{person.Id} form");
        reactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CanSignInThroughApiAsync(person.Email!, TestPeople.Password)).ShouldBeTrue();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == person.Id && a.Action == "ReactivatePerson"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Deactivate_OwnAccount_IsNotOffered()
    {
        var secretariat = await app.CreatePersonAsync(Roles.Secretariat, "IOM", "en");
        using var browser = await app.SignedInAsync(secretariat);

        var page = await browser.GetDocumentAsync($"/people/{secretariat.Id}/deactivate");

        page.QuerySelector("main .alert-warning")!.TextContent.ShouldContain("You cannot deactivate your own account");
        page.QuerySelector("main form").ShouldBeNull();
        var organization = await browser.GetDocumentAsync($"/organizations/{secretariat.OrganizationId}");
        organization.QuerySelector($"#person-{secretariat.Id}")!.QuerySelector("a, form").ShouldBeNull();
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task Deactivate_ByAnyoneButTheSecretariat_IsTheNotAllowedPage_AndChangesNothing(string email)
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "INM", "en");
        using var browser = await app.SignedInAsync(email, TestPeople.DemoPassword);

        var page = await browser.GetAsync($"/people/{person.Id}/deactivate");
        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.ShouldBeOneOf("Not allowed", "Acceso no permitido");

        var post = await browser.PostWithTokenFromAsync("/account/profile", $"/people/{person.Id}/deactivate");
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.CanSignInThroughApiAsync(person.Email!, TestPeople.Password)).ShouldBeTrue();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == person.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Deactivate_UnknownPerson_IsTheNotFoundPage()
    {
        using var browser = await app.SignedInAsync(TestPeople.Secretariat, TestPeople.DemoPassword);

        (await browser.GetAsync($"/people/{Guid.NewGuid()}/deactivate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PeoplePages_InSpanish_ShowSpanishHeadings()
    {
        var secretariat = await app.CreatePersonAsync(Roles.Secretariat, "IOM", "es");
        var person = await app.CreatePersonAsync(Roles.Viewer, "PRM", "en");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        using var browser = await app.SignedInAsync(secretariat);

        (await browser.GetDocumentAsync($"/people/{person.Id}/reactivate")).QuerySelector("h1")!.TextContent.ShouldBe("Reactivar una cuenta");
        var deactivate = await browser.GetDocumentAsync($"/people/{person.Id}/deactivate");
        deactivate.QuerySelector("h1")!.TextContent.ShouldBe("Desactivar una cuenta");
        deactivate.QuerySelector("#account-status")!.TextContent.ShouldBe("Esta cuenta ya está desactivada.");
    }

    private Task<string?> StampAsync(Guid userId) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
}

public sealed class PeoplePagesTestsOnSqlite(SqliteApp app) : PeoplePagesTests<SqliteApp>(app);

public sealed class PeoplePagesTestsOnPostgreSql(PostgreSqlApp app) : PeoplePagesTests<PostgreSqlApp>(app);
