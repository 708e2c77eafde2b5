using System.Net;
using Coordination.Application.Common.Security;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;

namespace Coordination.Web.Tests.Pages.Account;

public abstract class PasswordResetPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string NewPassword = "Mangroves along the northern coast";

    [Fact]
    public async Task ForgotPassword_KnownAddress_MailsALinkThatResetsThePasswordOnce()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "INM", "en");
        using var browser = app.CreateBrowserlikeClient();

        var asked = await browser.SubmitFormAsync("/account/forgot-password", Fields(("Input.Email", person.Email!.ToUpperInvariant())));

        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var answer = await browser.GetDocumentAsync(asked.Location());
        answer.QuerySelector("#reset-sent")!.TextContent.ShouldContain("If an account exists for this address");
        var mail = (await app.LastMailToAsync(person.Email!, "PasswordReset")).ShouldNotBeNull();
        mail.Language.ShouldBe("en");
        mail.Subject.ShouldBe("Reset your Coordination password");
        mail.DeduplicationKey.ShouldStartWith($"password-reset:{person.Id}:");
        mail.HtmlBody.ShouldContain("href=\"https://localhost/account/reset-password?email=");
        var link = LinkIn(mail.TextBody, "/account/reset-password");

        var form = await browser.GetDocumentAsync(link);
        form.QuerySelector("h1")!.TextContent.ShouldBe("Choose a new password");
        var reset = await browser.SubmitFormAsync(link, Fields(("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword)));

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Location().ShouldBe("/account/sign-in");
        (await browser.GetDocumentAsync("/account/sign-in")).QuerySelector(".alert-success")!.TextContent.ShouldContain("Your password has been changed");
        (await app.CanSignInThroughApiAsync(person.Email!, NewPassword)).ShouldBeTrue();
        (await app.CanSignInThroughApiAsync(person.Email!, TestPeople.Password)).ShouldBeFalse();
        (await app.SignedInAsync(person.Email!, NewPassword)).Dispose();
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Person" && a.EntityId == person.Id));
        audit.Action.ShouldBe("ResetPassword");
        audit.UserId.ShouldBe(person.Id);
        audit.After!.ShouldNotContain(NewPassword);

        // The same link again: the password's change renewed the stamp the token was bound to.
        const string Another = "A different phrase for the second try";
        var again = await browser.SubmitFormAsync(link, Fields(("Input.NewPassword", Another), ("Input.ConfirmPassword", Another)));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("no longer valid");
        (await app.CanSignInThroughApiAsync(person.Email!, Another)).ShouldBeFalse();
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_AnswersTheSameAndMailsNothing()
    {
        using var browser = app.CreateBrowserlikeClient();
        var email = $"nobody.{Guid.NewGuid():N}@test.example.org";

        var asked = await browser.SubmitFormAsync("/account/forgot-password", Fields(("Input.Email", email)));

        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetDocumentAsync(asked.Location())).QuerySelector("#reset-sent")!.TextContent.ShouldContain("If an account exists for this address");
        (await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task ForgotPassword_NotAnAddress_ShowsTheErrorBesideTheField()
    {
        using var browser = app.CreateBrowserlikeClient();

        var response = await browser.SubmitFormAsync("/account/forgot-password", Fields(("Input.Email", "not an address")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).ErrorFor("Input.Email").ShouldBe("Enter an e-mail address such as name@example.org.");
    }

    [Fact]
    public async Task ForgotPassword_PersonPreferringSpanish_GetsTheMailInSpanish()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "PRM", "es");
        using var browser = app.CreateBrowserlikeClient();

        await browser.SubmitFormAsync("/account/forgot-password", Fields(("Input.Email", person.Email!)));

        var mail = (await app.LastMailToAsync(person.Email!, "PasswordReset")).ShouldNotBeNull();
        mail.Language.ShouldBe("es");
        mail.Subject.ShouldBe("Restablecer su contraseña de Coordination");
        mail.TextBody.ShouldContain("/account/reset-password?email=");
    }

    [Fact]
    public async Task ResetPassword_WeakOrMismatchedPassword_ShowsTheErrorBesideTheFieldAndKeepsTheLinkUsable()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "ONE", "en");
        using var browser = app.CreateBrowserlikeClient();
        await browser.SubmitFormAsync("/account/forgot-password", Fields(("Input.Email", person.Email!)));
        var link = LinkIn((await app.LastMailToAsync(person.Email!, "PasswordReset"))!.TextBody, "/account/reset-password");

        var weak = await browser.SubmitFormAsync(link, Fields(("Input.NewPassword", "short"), ("Input.ConfirmPassword", "short")));
        (await weak.ReadDocumentAsync()).ErrorFor("Input.NewPassword").ShouldBe("Passwords must be at least 12 characters.");

        var mismatched = await browser.SubmitFormAsync(link, Fields(("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword + "!")));
        (await mismatched.ReadDocumentAsync()).ErrorFor("Input.ConfirmPassword").ShouldBe("The two passwords are not the same.");

        var good = await browser.SubmitFormAsync(link, Fields(("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword)));
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CanSignInThroughApiAsync(person.Email!, NewPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task ResetPassword_ForgedToken_IsRefusedAndChangesNothing()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "UNIV", "en");
        using var browser = app.CreateBrowserlikeClient();
        var link = $"/account/reset-password?email={Uri.EscapeDataString(person.Email!)}&token=Zm9yZ2VkLXRva2Vu";

        var response = await browser.SubmitFormAsync(link, Fields(("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent
            .ShouldContain("This link to reset your password is no longer valid");
        (await app.CanSignInThroughApiAsync(person.Email!, TestPeople.Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task SignInPage_LinksToForgotPassword()
    {
        using var browser = app.CreateBrowserlikeClient();

        var page = await browser.GetDocumentAsync("/account/sign-in");

        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain("/account/forgot-password");
    }

    [Fact]
    public async Task ForgotAndResetPages_InSpanish_ShowSpanishHeadings()
    {
        using var browser = app.CreateBrowserlikeClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        (await browser.GetDocumentAsync("/account/forgot-password")).QuerySelector("h1")!.TextContent.ShouldBe("¿Olvidó su contraseña?");
        (await browser.GetDocumentAsync("/account/reset-password?email=a%40b.org&token=x")).QuerySelector("h1")!.TextContent.ShouldBe("Elija una nueva contraseña");
        (await browser.GetDocumentAsync("/account/sign-in")).QuerySelector("main a[href='/account/forgot-password']")!.TextContent.ShouldBe("¿Olvidó su contraseña?");
    }
}

public sealed class PasswordResetPageTestsOnSqlite(SqliteApp app) : PasswordResetPageTests<SqliteApp>(app);

public sealed class PasswordResetPageTestsOnPostgreSql(PostgreSqlApp app) : PasswordResetPageTests<PostgreSqlApp>(app);
