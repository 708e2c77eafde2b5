using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Security;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Notifications;

public abstract class PreferencesApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : NotificationsApp
{
    [Fact]
    public async Task PutPreferences_SwitchingTheDigestOffAndOn_Is200AndLeavesAnAuditEntryPerChange()
    {
        var person = await app.NewPersonAsync(Roles.Secretariat, await app.NewOrganizationAsync());
        using var client = await app.SignedInAsync(person.Email!);
        (await client.GetFromJsonAsync<Preferences>("/api/me/preferences", HttpClientExtensions.Json))!.ReceivesDigest.ShouldBeTrue();

        var off = await client.PutAsJsonAsync("/api/me/preferences", new { receivesDigest = false });
        var again = await client.PutAsJsonAsync("/api/me/preferences", new { receivesDigest = false });

        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await off.Content.ReadFromJsonAsync<Preferences>(HttpClientExtensions.Json))!.ReceivesDigest.ShouldBeFalse();
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<Preferences>("/api/me/preferences", HttpClientExtensions.Json))!.ReceivesDigest.ShouldBeFalse();
        (await ReceivesDigestAsync(person.Id)).ShouldBeFalse();
        var audit = (await AuditAsync(person.Id)).ShouldHaveSingleItem();
        audit.Action.ShouldBe("UpdateMyPreferences");
        audit.EntityType.ShouldBe("Person");
        audit.UserEmail.ShouldBe(person.Email);
        audit.Before.ShouldBe("{\"receivesDigest\":true}");
        audit.After.ShouldBe("{\"receivesDigest\":false}");

        var on = await client.PutAsJsonAsync("/api/me/preferences", new { receivesDigest = true });

        on.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReceivesDigestAsync(person.Id)).ShouldBeTrue();
        (await AuditAsync(person.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task PutPreferences_WithoutReceivesDigest_Is400NamingItAndChangesNothing()
    {
        var person = await app.NewPersonAsync(Roles.FocalPoint, await app.NewOrganizationAsync());
        using var client = await app.SignedInAsync(person.Email!);

        var response = await client.PutAsJsonAsync("/api/me/preferences", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Errors!.Keys.ShouldContain("receivesDigest");
        (await ReceivesDigestAsync(person.Id)).ShouldBeTrue();
        (await AuditAsync(person.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PutPreferences_WithoutReceivesDigestAskingForSpanish_Is400InSpanish()
    {
        // A person whose pages are in English: the tool's Accept-Language chooses the API's language.
        var person = await app.NewPersonAsync(Roles.FocalPoint, await app.NewOrganizationAsync());
        using var client = await app.SignedInAsync(person.Email!);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");

        var response = await client.PutAsJsonAsync("/api/me/preferences", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!;
        problem.Title.ShouldBe("La información ingresada no es válida.");
        problem.Errors!["receivesDigest"].ShouldBe(["Indique si desea recibir el resumen semanal (true o false)."]);
        (await ReceivesDigestAsync(person.Id)).ShouldBeTrue();
        (await AuditAsync(person.Id)).ShouldBeEmpty();

        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        var english = await client.PutAsJsonAsync("/api/me/preferences", new { });
        (await english.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Errors!["receivesDigest"]
            .ShouldBe(["Say whether you want the weekly digest (true or false)."]);
    }

    [Fact]
    public async Task Preferences_WithoutSignIn_Are401AndChangeNothing()
    {
        var person = await app.NewPersonAsync(Roles.Secretariat, await app.NewOrganizationAsync());
        using var anonymous = app.CreateApiClient();

        var put = await anonymous.PutAsJsonAsync("/api/me/preferences", new { receivesDigest = false });
        var get = await anonymous.GetAsync("/api/me/preferences");

        put.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        get.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ReceivesDigestAsync(person.Id)).ShouldBeTrue();
    }

    private Task<bool> ReceivesDigestAsync(Guid userId) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.ReceivesDigest).SingleAsync());

    private Task<List<Domain.Auditing.AuditEntry>> AuditAsync(Guid userId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == userId && a.Action == "UpdateMyPreferences").ToListAsync());

    private sealed record Preferences(bool ReceivesDigest);
}

public sealed class PreferencesApiTestsOnSqlite(SqliteNotificationsApp app) : PreferencesApiTests<SqliteNotificationsApp>(app);

public sealed class PreferencesApiTestsOnPostgreSql(PostgreSqlNotificationsApp app) : PreferencesApiTests<PostgreSqlNotificationsApp>(app);
