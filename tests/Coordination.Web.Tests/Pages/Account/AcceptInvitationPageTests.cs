using System.Net;
using System.Net.Http.Json;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;

namespace Coordination.Web.Tests.Pages.Account;

public abstract class AcceptInvitationPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string Password = "Rivers meet the sea at dawn";

    [Fact]
    public async Task AcceptInvitation_FromTheMailedLink_CreatesTheAccountAndSignsThePersonIn()
    {
        var email = NewEmail();
        var link = await InviteAsync("NSO-MEX", email, "FocalPoint");
        using var browser = app.CreateBrowserlikeClient();

        var page = await browser.GetDocumentAsync(link);
        page.QuerySelector("main")!.TextContent.ShouldContain(email);
        var response = await browser.SubmitFormAsync(link, Fields(
            ("Input.DisplayName", "Lucía Hernández"), ("Input.NewPassword", Password), ("Input.ConfirmPassword", Password), ("Input.PreferredLanguage", "es")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Location().ShouldBe("/");
        var home = await browser.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        user.DisplayName.ShouldBe("Lucía Hernández");
        user.PreferredLanguage.ShouldBe("es");
        user.OrganizationId.ShouldBe(await app.OrganizationIdAsync("NSO-MEX"));
        (await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == email))).AcceptedUserId.ShouldBe(user.Id);
        var profile = await browser.GetDocumentAsync("/account/profile");
        profile.QuerySelector("h1")!.TextContent.ShouldBe("Su perfil");
        profile.QuerySelector("#profile-email")!.TextContent.ShouldBe(email);
        (await app.CanSignInThroughApiAsync(email, Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task AcceptInvitation_UsedLink_SaysSoAndOffersSignIn()
    {
        var email = NewEmail();
        var link = await InviteAsync("PRM", email, "Viewer");
        using var first = app.CreateBrowserlikeClient();
        (await first.SubmitFormAsync(link, Fields(
            ("Input.DisplayName", "First"), ("Input.NewPassword", Password), ("Input.ConfirmPassword", Password), ("Input.PreferredLanguage", "en"))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var second = app.CreateBrowserlikeClient();
        var page = await second.GetDocumentAsync(link);

        page.QuerySelector("#invitation-problem")!.TextContent.ShouldContain("already been used");
        page.QuerySelector("main form").ShouldBeNull();
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task AcceptInvitation_ExpiredOrUnknownLink_SaysSoWithoutAForm()
    {
        var email = NewEmail();
        var link = await InviteAsync("INM", email, "FocalPoint");
        await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        using var browser = app.CreateBrowserlikeClient();

        var expired = await browser.GetDocumentAsync(link);
        expired.QuerySelector("#invitation-problem")!.TextContent.ShouldContain("has expired");
        expired.QuerySelector("main form").ShouldBeNull();

        var unknown = await browser.GetDocumentAsync("/account/accept-invitation?token=not-a-token");
        unknown.QuerySelector("#invitation-problem")!.TextContent.ShouldContain("not valid");
        (await browser.GetDocumentAsync("/account/accept-invitation")).QuerySelector("#invitation-problem").ShouldNotBeNull();
    }

    [Fact]
    public async Task AcceptInvitation_WeakPasswordOrMissingName_ShowsErrorsBesideTheFieldsAndCreatesNothing()
    {
        var email = NewEmail();
        var link = await InviteAsync("ONE", email, "FocalPoint");
        using var browser = app.CreateBrowserlikeClient();

        var weak = await browser.SubmitFormAsync(link, Fields(
            ("Input.DisplayName", "Pedro"), ("Input.NewPassword", "password1234"), ("Input.ConfirmPassword", "password1234"), ("Input.PreferredLanguage", "en")));
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await weak.ReadDocumentAsync()).ErrorFor("Input.NewPassword").ShouldBe("This password is too easy to guess. Choose a longer phrase of your own.");

        var missing = await browser.SubmitFormAsync(link, Fields(
            ("Input.DisplayName", ""), ("Input.NewPassword", Password), ("Input.ConfirmPassword", "something else entirely"), ("Input.PreferredLanguage", "en")));
        var page = await missing.ReadDocumentAsync();
        page.ErrorFor("Input.DisplayName").ShouldBe("Enter your name as colleagues will see it.");
        page.ErrorFor("Input.ConfirmPassword").ShouldBe("The two passwords are not the same.");

        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == email))).AcceptedAt.ShouldBeNull();
    }

    [Fact]
    public async Task AcceptInvitation_PasswordPair_IsTheSharedNewPasswordInputWithItsMessages()
    {
        var email = NewEmail();
        var link = await InviteAsync("MIG-BLZ", email, "FocalPoint");
        using var browser = app.CreateBrowserlikeClient();

        var form = await browser.GetDocumentAsync(link);
        form.QuerySelector("label[for=Input_NewPassword]")!.TextContent.ShouldBe("New password");
        form.QuerySelector("label[for=Input_ConfirmPassword]")!.TextContent.ShouldBe("New password, again");
        form.QuerySelector("input[name='Input.Password']").ShouldBeNull();

        var empty = await browser.SubmitFormAsync(link, Fields(
            ("Input.DisplayName", "Ana"), ("Input.NewPassword", ""), ("Input.ConfirmPassword", ""), ("Input.PreferredLanguage", "en")));
        var page = await empty.ReadDocumentAsync();
        page.ErrorFor("Input.NewPassword").ShouldBe("Choose a new password.");
        page.ErrorFor("Input.ConfirmPassword").ShouldBe("Enter the new password again.");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task AcceptInvitation_InSpanish_ShowsThePasswordMessagesInSpanishBesideTheFields()
    {
        var email = NewEmail();
        var link = await InviteAsync("MIG-GTM", email, "FocalPoint", "es");
        using var browser = app.CreateBrowserlikeClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var form = await browser.GetDocumentAsync(link);
        form.QuerySelector("label[for=Input_NewPassword]")!.TextContent.ShouldBe("Nueva contraseña");
        var weak = await browser.SubmitFormAsync(link, Fields(
            ("Input.DisplayName", "Ana"), ("Input.NewPassword", "password1234"), ("Input.ConfirmPassword", "password1234"), ("Input.PreferredLanguage", "es")));
        (await weak.ReadDocumentAsync()).ErrorFor("Input.NewPassword")
            .ShouldBe("Esta contraseña es demasiado fácil de adivinar. Elija una frase propia más larga.");
        var mismatched = await browser.SubmitFormAsync(link, Fields(
            ("Input.DisplayName", "Ana"), ("Input.NewPassword", Password), ("Input.ConfirmPassword", Password + "!"), ("Input.PreferredLanguage", "es")));
        (await mismatched.ReadDocumentAsync()).ErrorFor("Input.ConfirmPassword").ShouldBe("Las dos contraseñas no coinciden.");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task AcceptInvitation_InSpanish_ShowsSpanishTexts()
    {
        var link = await InviteAsync("INM", NewEmail(), "FocalPoint", "es");
        using var browser = app.CreateBrowserlikeClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var page = await browser.GetDocumentAsync(link);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Acepte su invitación");
        page.QuerySelector("main")!.TextContent.ShouldContain("Se le invita a unirse a");
        page.QuerySelector("main button[type=submit]")!.TextContent.ShouldBe("Crear mi cuenta");
    }

    /// <summary>Invites through the API as the secretariat and returns the link of the mail (path and query).</summary>
    private async Task<string> InviteAsync(string acronym, string email, string role, string language = "en")
    {
        using var secretariat = app.CreateApiClient();
        await secretariat.SignInWithTokenAsync(TestPeople.Secretariat);
        var response = await secretariat.PostAsJsonAsync(
            $"/api/organizations/{await app.OrganizationIdAsync(acronym)}/invitations", new { email, role, language });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var mail = (await app.LastMailToAsync(email, "Invitation")).ShouldNotBeNull();
        return LinkIn(mail.TextBody, "/account/accept-invitation");
    }

    private static string NewEmail() => $"invited.{Guid.NewGuid():N}@test.example.org";
}

public sealed class AcceptInvitationPageTestsOnSqlite(SqliteApp app) : AcceptInvitationPageTests<SqliteApp>(app);

public sealed class AcceptInvitationPageTestsOnPostgreSql(PostgreSqlApp app) : AcceptInvitationPageTests<PostgreSqlApp>(app);
