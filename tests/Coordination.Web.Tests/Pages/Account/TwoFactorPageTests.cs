using System.Net;
using Coordination.Application.Common.Security;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coordination.Web.Tests.Pages.Account.AccountTestSupport;

namespace Coordination.Web.Tests.Pages.Account;

public abstract class TwoFactorPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public void Totp_Helper_MatchesTheRfc6238Vectors()
    {
        foreach (var (time, code) in Totp.RfcVectors())
            Totp.Code(Totp.RfcKey, time / 30).ShouldBe(code);
    }

    [Fact]
    public async Task TwoFactor_Enabled_SignInAsksForTheCode_AValidCodeSignsIn_TheSameCodeAgainIsRefused()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "INM", "en");
        var (key, step, codes) = await EnableAsync(person);
        codes.Count.ShouldBe(10);

        using var browser = app.CreateBrowserlikeClient();
        var password = await browser.SignInWithCookieAsync(person.Email!, TestPeople.Password);
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        password.Location().ShouldStartWith("/account/sign-in-two-factor");
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone does not sign in");

        // The code of the next step: the one used to turn it on is spent already.
        var code = Totp.Code(key, step + 1);
        var signedIn = await browser.SubmitFormAsync(password.Location(), Fields(("Input.Code", code)), "#code-form");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        signedIn.Location().ShouldBe("/");
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var replay = app.CreateBrowserlikeClient();
        var again = await replay.SignInWithCookieAsync(person.Email!, TestPeople.Password);
        var refused = await replay.SubmitFormAsync(again.Location(), Fields(("Input.Code", code)), "#code-form");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ReadDocumentAsync()).ErrorFor("Input.Code").ShouldContain("already used");
        (await replay.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).AccessFailedCount.ShouldBe(1);
    }

    [Fact]
    public async Task TwoFactor_EnablingWithTheWrongCode_ShowsTheErrorAndStaysOff()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "PRM", "en");
        using var browser = await app.SignedInAsync(person);
        await browser.SubmitFormAsync("/account/two-factor", Fields(), "#start-form");
        var setup = await browser.GetDocumentAsync("/account/two-factor?step=verify");
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        var wrong = Totp.Code(key, Totp.CurrentStep() + 5);

        var response = await browser.SubmitFormAsync("/account/two-factor?step=verify", Fields(("Input.Code", wrong)), "#enable-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).ErrorFor("Input.Code").ShouldBe("The code is not correct. Enter the 6-digit code your app shows now.");
        (await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task TwoFactor_SetupPage_ShowsTheKeyInGroupsOfFourAndTheOtpauthAddress()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "PRM", "en");
        using var browser = await app.SignedInAsync(person);
        (await browser.GetDocumentAsync("/account/two-factor")).QuerySelector("#two-factor-status")!.TextContent.ShouldContain("Off");

        var start = await browser.SubmitFormAsync("/account/two-factor", Fields(), "#start-form");
        start.Location().ShouldBe("/account/two-factor?step=verify");
        var page = await browser.GetDocumentAsync(start.Location());

        var key = page.QuerySelector("#shared-key")!.TextContent;
        key.ShouldMatch("^([a-z2-7]{4} )+[a-z2-7]{1,4}$");
        var uri = page.QuerySelector("#authenticator-uri")!.TextContent;
        uri.ShouldStartWith($"otpauth://totp/Coordination:{Uri.EscapeDataString(person.Email!)}?secret={key.Replace(" ", "").ToUpperInvariant()}");
        uri.ShouldContain("issuer=Coordination");
        page.QuerySelector("#enable-form").ShouldNotBeNull();
        var qr = page.QuerySelector(".qr-code svg[role=img]").ShouldNotBeNull();
        qr.GetAttribute("aria-label").ShouldNotBeNullOrWhiteSpace();
        qr.QuerySelector("path")!.GetAttribute("d")!.ShouldStartWith("M4,4h1v1h-1z", Case.Sensitive, "the finder pattern's corner");
    }

    [Fact]
    public async Task TwoFactor_RecoveryCode_SignsInOnce()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "ONE", "en");
        var (_, _, codes) = await EnableAsync(person);

        using var browser = app.CreateBrowserlikeClient();
        var password = await browser.SignInWithCookieAsync(person.Email!, TestPeople.Password);
        var signedIn = await browser.SubmitFormAsync(password.Location(), Fields(("Recovery.Code", codes[0])), "#recovery-form");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var again = app.CreateBrowserlikeClient();
        var second = await again.SignInWithCookieAsync(person.Email!, TestPeople.Password);
        var refused = await again.SubmitFormAsync(second.Location(), Fields(("Recovery.Code", codes[0])), "#recovery-form");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ReadDocumentAsync()).ErrorFor("Recovery.Code").ShouldContain("already used");
    }

    [Fact]
    public async Task TwoFactor_Disabled_ThePasswordAloneSignsInAgain_AndEachChangeIsAudited()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "MIG-MEX", "en");
        await EnableAsync(person);
        using var browser = app.CreateBrowserlikeClient();
        var password = await browser.SignInWithCookieAsync(person.Email!, TestPeople.Password);
        var (key, step) = await KeyAsync(person.Id);
        (await browser.SubmitFormAsync(password.Location(), Fields(("Input.Code", Totp.Code(key, step + 1))), "#code-form"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var confirm = await browser.GetDocumentAsync("/account/two-factor/disable");
        confirm.QuerySelector("h1")!.TextContent.ShouldBe("Turn off two-step sign-in");
        var disabled = await browser.SubmitFormAsync("/account/two-factor/disable", Fields());
        disabled.Location().ShouldBe("/account/two-factor");
        (await browser.GetDocumentAsync("/account/two-factor")).QuerySelector("#two-factor-status")!.TextContent.ShouldContain("Off");

        using var later = app.CreateBrowserlikeClient();
        (await later.SignInWithCookieAsync(person.Email!, TestPeople.Password)).Location().ShouldBe("/");
        var actions = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Person" && a.EntityId == person.Id).OrderBy(a => a.OccurredAt).Select(a => a.Action).ToListAsync());
        actions.ShouldBe(["StartTwoFactorSetup", "EnableTwoFactor", "DisableTwoFactor"]);
    }

    [Fact]
    public async Task TwoFactor_NewRecoveryCodes_ReplaceTheEarlierOnes()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "UNIV", "en");
        var (_, _, first) = await EnableAsync(person, out var browser);
        using (browser)
        {
            var made = await browser.SubmitFormAsync("/account/two-factor", Fields(), "#recovery-codes-form");
            made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var page = await browser.GetDocumentAsync("/account/two-factor");
            var second = page.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
            second.Count.ShouldBe(10);
            second.ShouldNotContain(first[0]);
            (await browser.GetDocumentAsync("/account/two-factor")).QuerySelector("#recovery-codes").ShouldBeNull("shown once only");
        }
    }

    [Fact]
    public async Task TwoFactorPages_WithoutSignIn_RedirectToSignIn()
    {
        using var browser = app.CreateBrowserlikeClient();

        foreach (var url in new[] { "/account/two-factor", "/account/two-factor/disable", "/account/profile", "/account/change-password" })
        {
            var response = await browser.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Location().ShouldContain("/account/sign-in");
        }

        (await browser.GetAsync("/account/sign-in-two-factor")).Location().ShouldStartWith("/account/sign-in");
    }

    [Fact]
    public async Task TwoFactorPages_InSpanish_ShowSpanishHeadings()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "INM", "es");
        var (key, step, _) = await EnableAsync(person);
        using var browser = app.CreateBrowserlikeClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var password = await browser.SignInWithCookieAsync(person.Email!, TestPeople.Password);
        (await browser.GetDocumentAsync(password.Location())).QuerySelector("h1")!.TextContent.ShouldBe("Verificación en dos pasos");
        await browser.SubmitFormAsync(password.Location(), Fields(("Input.Code", Totp.Code(key, step + 1))), "#code-form");

        var page = await browser.GetDocumentAsync("/account/two-factor");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Verificación en dos pasos");
        page.QuerySelector("#two-factor-status")!.TextContent.ShouldContain("Activada");
    }

    /// <summary>Turns two-step sign-in on through the pages; returns the key, the step of the code used, and the recovery codes.</summary>
    private async Task<(string Key, long Step, IReadOnlyList<string> Codes)> EnableAsync(ApplicationUser person)
    {
        var result = await EnableAsync(person, out var browser);
        browser.Dispose();
        return result;
    }

    private Task<(string Key, long Step, IReadOnlyList<string> Codes)> EnableAsync(ApplicationUser person, out HttpClient browser)
    {
        var client = app.CreateBrowserlikeClient();
        browser = client;
        return Enable();

        async Task<(string, long, IReadOnlyList<string>)> Enable()
        {
            (await client.SignInWithCookieAsync(person.Email!, TestPeople.Password)).Location().ShouldBe("/");
            (await client.SubmitFormAsync("/account/two-factor", Fields(), "#start-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var setup = await client.GetDocumentAsync("/account/two-factor?step=verify");
            var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "");
            var step = Totp.CurrentStep();
            var enabled = await client.SubmitFormAsync("/account/two-factor?step=verify", Fields(("Input.Code", Totp.Code(key, step))), "#enable-form");
            enabled.StatusCode.ShouldBe(HttpStatusCode.Redirect, await enabled.Content.ReadAsStringAsync());
            var page = await client.GetDocumentAsync("/account/two-factor");
            page.QuerySelector("#two-factor-status .text-bg-success").ShouldNotBeNull("two-step sign-in is on");
            var codes = page.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
            return (key, step, codes);
        }
    }

    /// <summary>The stored key and the last accepted step, as the app keeps them.</summary>
    private Task<(string Key, long Step)> KeyAsync(Guid userId) =>
        app.WithDbAsync(async db =>
        {
            var tokens = await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync();
            var key = tokens.Single(t => t.Name == "AuthenticatorKey").Value!;
            var step = long.Parse(tokens.Single(t => t.LoginProvider == AuthenticatorCodes.TokenProvider && t.Name == AuthenticatorCodes.LastStepTokenName).Value!,
                System.Globalization.CultureInfo.InvariantCulture);
            return (key, step);
        });
}

public sealed class TwoFactorPageTestsOnSqlite(SqliteApp app) : TwoFactorPageTests<SqliteApp>(app);

public sealed class TwoFactorPageTestsOnPostgreSql(PostgreSqlApp app) : TwoFactorPageTests<PostgreSqlApp>(app);
