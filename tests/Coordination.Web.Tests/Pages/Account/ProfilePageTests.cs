using System.Net;
using Coordination.Application.Common.Security;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;

namespace Coordination.Web.Tests.Pages.Account;

public abstract class ProfilePageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string NewPassword = "Coffee grows on the volcanic slopes";

    [Fact]
    public async Task Profile_ShowsThePersonsAccount()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "INM", "en");
        using var browser = await app.SignedInAsync(person);

        var page = await browser.GetDocumentAsync("/account/profile");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Your profile");
        page.QuerySelector("#profile-email")!.TextContent.ShouldBe(person.Email);
        page.QuerySelector("main")!.TextContent.ShouldContain("National Migration Institute");
        page.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value").ShouldBe("Test FocalPoint");
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain("/account/two-factor");
    }

    [Fact]
    public async Task Profile_SavingSpanish_SwitchesThePagesAtOnce_AndIsAudited()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "INM", "en");
        using var browser = await app.SignedInAsync(person);

        var saved = await browser.SubmitFormAsync("/account/profile", Fields(("Input.DisplayName", "  Rosa Martínez "), ("Input.PreferredLanguage", "es")));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Location().ShouldBe("/account/profile");
        saved.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Des%7Cuic%3Des"));
        var page = await browser.GetDocumentAsync("/account/profile");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Su perfil");
        page.QuerySelector(".alert-success")!.TextContent.ShouldBe("Su perfil se guardó.");
        page.QuerySelector("html")!.GetAttribute("lang").ShouldBe("es");
        page.QuerySelector("header")!.TextContent.ShouldContain("Rosa Martínez");
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));
        (user.DisplayName, user.PreferredLanguage).ShouldBe(("Rosa Martínez", "es"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Person" && a.EntityId == person.Id));
        audit.Action.ShouldBe("UpdateProfile");
        audit.UserEmail.ShouldBe(person.Email);
        audit.Before.ShouldBe("""{"displayName":"Test FocalPoint","preferredLanguage":"en"}""");
        audit.After.ShouldBe("""{"displayName":"Rosa Mart\u00EDnez","preferredLanguage":"es"}""");
    }

    [Fact]
    public async Task Profile_EmptyNameOrUnknownLanguage_ShowsTheErrorsBesideTheFields()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "PRM", "en");
        using var browser = await app.SignedInAsync(person);

        var response = await browser.SubmitFormAsync("/account/profile", Fields(("Input.DisplayName", " "), ("Input.PreferredLanguage", "fr")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.ErrorFor("Input.DisplayName").ShouldBe("Enter your name as colleagues will see it.");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == person.Id))).ShouldBeFalse();

        var language = await browser.SubmitFormAsync("/account/profile", Fields(("Input.DisplayName", "Name"), ("Input.PreferredLanguage", "fr")));
        (await language.ReadDocumentAsync()).ErrorFor("Input.PreferredLanguage").ShouldBe("The language must be one of en, es.");
        (await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).PreferredLanguage.ShouldBe("en");
    }

    [Fact]
    public async Task Profile_DigestSwitch_ForTheSecretariat_IsSavedOffAndOnAndAudited()
    {
        var person = await app.CreatePersonAsync(Roles.Secretariat, "IOM", "en");
        using var browser = await app.SignedInAsync(person);
        var page = await browser.GetDocumentAsync("/account/profile");
        page.QuerySelector("label[for='receives-digest']")!.TextContent.ShouldBe("Send me the weekly digest");
        page.QuerySelector("#receives-digest")!.HasAttribute("checked").ShouldBeTrue();

        var off = await browser.SubmitFormAsync("/account/profile", Fields(), "form.mail-preferences");

        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        off.Location().ShouldBe("/account/profile");
        (await ReceivesDigestAsync(person.Id)).ShouldBeFalse();
        var afterOff = await browser.GetDocumentAsync("/account/profile");
        afterOff.QuerySelector(".alert-success")!.TextContent.ShouldBe("You will no longer receive the weekly digest.");
        afterOff.QuerySelector("#receives-digest")!.HasAttribute("checked").ShouldBeFalse();
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Person" && a.EntityId == person.Id));
        (audit.Action, audit.Before, audit.After).ShouldBe(("UpdateMyPreferences", """{"receivesDigest":true}""", """{"receivesDigest":false}"""));

        var on = await browser.SubmitFormAsync("/account/profile", Fields(("receivesDigest", "true")), "form.mail-preferences");
        on.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReceivesDigestAsync(person.Id)).ShouldBeTrue();
        (await browser.GetDocumentAsync("/account/profile")).QuerySelector("#receives-digest")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task Profile_ForAFocalPoint_SaysRemindersCannotBeSwitchedOff_OffersNoDigest_AndRefusesAForgedSwitch()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "INM", "en");
        using var browser = await app.SignedInAsync(person);

        var page = await browser.GetDocumentAsync("/account/profile");

        page.QuerySelector("#receives-digest").ShouldBeNull();
        page.QuerySelector(".reminders-note")!.TextContent.ShouldContain("Reminders cannot be switched off");
        var forged = await browser.PostWithTokenFromAsync("/account/profile", "/account/profile?handler=mail", Fields(("receivesDigest", "false")));
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ReceivesDigestAsync(person.Id)).ShouldBeTrue();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == person.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task ChangePassword_WithTheCurrentPassword_ChangesItAndKeepsThePersonSignedIn()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "ONE", "en");
        using var browser = await app.SignedInAsync(person);

        var changed = await browser.SubmitFormAsync("/account/change-password", Fields(
            ("Input.CurrentPassword", TestPeople.Password), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword)));

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        changed.Location().ShouldBe("/account/profile");
        var profile = await browser.GetAsync("/account/profile");
        profile.StatusCode.ShouldBe(HttpStatusCode.OK, "the page's own sign-in was re-issued");
        (await profile.ReadDocumentAsync()).QuerySelector(".alert-success")!.TextContent.ShouldBe("Your password has been changed.");
        (await app.CanSignInThroughApiAsync(person.Email!, NewPassword)).ShouldBeTrue();
        (await app.CanSignInThroughApiAsync(person.Email!, TestPeople.Password)).ShouldBeFalse();
        (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Person" && a.EntityId == person.Id)))
            .Action.ShouldBe("ChangePassword");
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrWeakNew_ShowsTheErrorsBesideTheFieldsAndChangesNothing()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "ONE", "en");
        using var browser = await app.SignedInAsync(person);

        var wrong = await browser.SubmitFormAsync("/account/change-password", Fields(
            ("Input.CurrentPassword", "not my password at all"), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword)));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.ReadDocumentAsync()).ErrorFor("Input.CurrentPassword").ShouldBe("The current password is not correct.");

        var weak = await browser.SubmitFormAsync("/account/change-password", Fields(
            ("Input.CurrentPassword", TestPeople.Password), ("Input.NewPassword", person.Email + "x"), ("Input.ConfirmPassword", person.Email + "x")));
        (await weak.ReadDocumentAsync()).ErrorFor("Input.NewPassword").ShouldBe("The password must not contain your e-mail address.");

        (await app.CanSignInThroughApiAsync(person.Email!, TestPeople.Password)).ShouldBeTrue();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == person.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task AccountPages_ForAPersonPreferringSpanish_ShowSpanishHeadings()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "PRM", "es");
        using var browser = await app.SignedInAsync(person);

        (await browser.GetDocumentAsync("/account/profile")).QuerySelector("h1")!.TextContent.ShouldBe("Su perfil");
        (await browser.GetDocumentAsync("/account/change-password")).QuerySelector("h1")!.TextContent.ShouldBe("Cambiar su contraseña");
        (await browser.GetDocumentAsync("/account/two-factor/disable")).QuerySelector("h1")!.TextContent.ShouldBe("Desactivar la verificación en dos pasos");
    }

    private Task<bool> ReceivesDigestAsync(Guid userId) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.ReceivesDigest).SingleAsync());
}

public sealed class ProfilePageTestsOnSqlite(SqliteApp app) : ProfilePageTests<SqliteApp>(app);

public sealed class ProfilePageTestsOnPostgreSql(PostgreSqlApp app) : ProfilePageTests<PostgreSqlApp>(app);
