using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coordination.Domain.Organizations;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Invitations;

public abstract partial class InvitationsApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private const string NewPassword = "Sunrise over the Caribbean 2026";

    [Fact]
    public async Task Invite_BySecretariat_Is201AndWritesTheInvitationItsMailAndAnAuditEntry()
    {
        using var client = await SecretariatAsync();
        var organizationId = await app.OrganizationIdAsync("NSO-MEX");
        var email = NewEmail();

        var response = await client.PostAsJsonAsync($"/api/organizations/{organizationId}/invitations", new { email = email.ToUpperInvariant(), role = "FocalPoint" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var invitation = (await response.Content.ReadFromJsonAsync<InvitationResponse>(HttpClientExtensions.Json))!;
        invitation.OrganizationId.ShouldBe(organizationId);
        invitation.Email.ShouldBe(email);
        invitation.Role.ShouldBe("FocalPoint");
        invitation.ExpiresAt.ShouldBe(DateTime.UtcNow.AddDays(7), TimeSpan.FromMinutes(1));

        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DeduplicationKey == $"invitation:{invitation.Id}"));
        mail.Kind.ShouldBe("Invitation");
        mail.To.ShouldBe(email);
        mail.Language.ShouldBe("en");
        mail.SentAt.ShouldBeNull();
        mail.Subject.ShouldContain("invitation");
        mail.TextBody.ShouldContain("https://localhost/account/accept-invitation?token=");
        mail.HtmlBody.ShouldContain("href=\"https://localhost/account/accept-invitation?token=");
        var token = TokenIn(mail.TextBody);
        (await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id))).Matches(token).ShouldBeTrue();

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == invitation.Id));
        audit.Action.ShouldBe("InvitePerson");
        audit.Change.ShouldBe("Created");
        audit.UserEmail.ShouldBe(TestPeople.Secretariat);
        audit.After!.ShouldContain(email);
        audit.After!.ShouldNotContain("tokenHash", Case.Insensitive);
    }

    [Fact]
    public async Task Invite_InSpanish_WritesTheMailInSpanish()
    {
        using var client = await SecretariatAsync();
        var organizationId = await app.OrganizationIdAsync("INM");

        var invitation = await InviteAsync(client, organizationId, NewEmail(), "Viewer", "es");

        var mail = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DeduplicationKey == $"invitation:{invitation.Id}"));
        mail.Language.ShouldBe("es");
        mail.Subject.ShouldStartWith("Invitación");
        mail.TextBody.ShouldContain("vence el");
        mail.TextBody.ShouldContain("/account/accept-invitation?token=");
    }

    [Fact]
    public async Task Invite_WithInvalidEmailAndUnknownRoleAndLanguage_Is400ForEachAndWritesNothing()
    {
        using var client = await SecretariatAsync();
        var organizationId = await app.OrganizationIdAsync("INM");
        var before = await app.WithDbAsync(db => db.Invitations.CountAsync());

        var response = await client.PostAsJsonAsync($"/api/organizations/{organizationId}/invitations",
            new { email = "not-an-address", role = "Administrator", language = "fr" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json);
        problem!.Errors!.Keys.ShouldBe(["email", "role", "language"], ignoreOrder: true);
        (await app.WithDbAsync(db => db.Invitations.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Invite_IntoUnknownOrganization_Is404()
    {
        using var client = await SecretariatAsync();

        var response = await client.PostAsJsonAsync($"/api/organizations/{Guid.NewGuid()}/invitations", new { email = NewEmail(), role = "Viewer" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invite_SomeoneWhoAlreadyHasAnAccount_Is409AndWritesNothing()
    {
        using var client = await SecretariatAsync();
        var organizationId = await app.OrganizationIdAsync("MIG-MEX");

        var response = await client.PostAsJsonAsync($"/api/organizations/{organizationId}/invitations",
            new { email = "Focal.Mex@example.org", role = "FocalPoint" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Title
            .ShouldBe("A person with this e-mail address already has an account.");
        (await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == TestPeople.FocalMex))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task Invite_ByAnyoneButTheSecretariat_Is403AndWritesNothing(string person)
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(person);
        var organizationId = await app.OrganizationIdAsync("INM");
        var email = NewEmail();

        var response = await client.PostAsJsonAsync($"/api/organizations/{organizationId}/invitations", new { email, role = "FocalPoint" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == email))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invite_WithoutSignIn_Is401()
    {
        using var client = app.CreateApiClient();
        var organizationId = await app.OrganizationIdAsync("INM");

        var response = await client.PostAsJsonAsync($"/api/organizations/{organizationId}/invitations", new { email = NewEmail(), role = "Viewer" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Accept_WithTheMailedToken_CreatesTheAccount_AndThePersonSignsInWithOrganizationAndRole()
    {
        using var secretariat = await SecretariatAsync();
        var organizationId = await app.OrganizationIdAsync("NSO-BLZ");
        var email = NewEmail();
        var invitation = await InviteAsync(secretariat, organizationId, email, "FocalPoint");
        var token = await TokenForAsync(invitation.Id);

        using var anonymous = app.CreateApiClient();
        var response = await anonymous.PostAsJsonAsync("/api/invitations/accept",
            new { token, displayName = "Ana Pérez", password = NewPassword, preferredLanguage = "es" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var accepted = (await response.Content.ReadFromJsonAsync<AcceptedResponse>(HttpClientExtensions.Json))!;
        accepted.Email.ShouldBe(email);
        accepted.OrganizationId.ShouldBe(organizationId);
        accepted.Role.ShouldBe("FocalPoint");

        var stored = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id));
        stored.AcceptedUserId.ShouldBe(accepted.UserId);
        stored.AcceptedAt.ShouldNotBeNull();
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == accepted.UserId));
        user.EmailConfirmed.ShouldBeTrue();
        user.UserName.ShouldBe(email);
        user.DisplayName.ShouldBe("Ana Pérez");
        user.PreferredLanguage.ShouldBe("es");
        (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == invitation.Id && a.Action == "AcceptInvitation" && a.Change == "Updated")))
            .ShouldBeTrue();

        using var person = app.CreateApiClient();
        await person.SignInWithTokenAsync(email, NewPassword);
        var me = await person.GetFromJsonAsync<MeResponse>("/api/me", HttpClientExtensions.Json);
        me!.Email.ShouldBe(email);
        me.DisplayName.ShouldBe("Ana Pérez");
        me.OrganizationId.ShouldBe(organizationId);
        me.Roles.ShouldBe(["FocalPoint"]);
    }

    [Fact]
    public async Task InviteAndAccept_AnswerWithTheAddressOfWhatTheyCreated_AndTheInvitationLeavesThePendingList()
    {
        using var secretariat = await SecretariatAsync();
        var organizationId = await app.OrganizationIdAsync("NSO-GTM");
        var email = NewEmail();
        var invited = await secretariat.PostAsJsonAsync($"/api/organizations/{organizationId}/invitations", new { email, role = "Viewer" });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        var invitation = (await invited.Content.ReadFromJsonAsync<InvitationResponse>(HttpClientExtensions.Json))!;

        // The Location of the invitation is the pending invitation, also in the organization's pending list.
        invited.Headers.Location!.ToString().ShouldBe($"/api/organizations/{organizationId}/invitations/{invitation.Id}");
        var pending = await secretariat.GetFromJsonAsync<PendingResponse>(invited.Headers.Location, HttpClientExtensions.Json);
        pending!.Email.ShouldBe(email);
        pending.Role.ShouldBe("Viewer");
        (await secretariat.GetFromJsonAsync<List<PendingResponse>>($"/api/organizations/{organizationId}/invitations", HttpClientExtensions.Json))!
            .Select(i => i.Id).ShouldContain(invitation.Id);

        using var anonymous = app.CreateApiClient();
        var accepted = await anonymous.PostAsJsonAsync("/api/invitations/accept",
            new { token = await TokenForAsync(invitation.Id), displayName = "Luis Ortega", password = NewPassword });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var account = (await accepted.Content.ReadFromJsonAsync<AcceptedResponse>(HttpClientExtensions.Json))!;

        // The Location of the acceptance is the new person, as the secretariat reads it.
        accepted.Headers.Location!.ToString().ShouldBe($"/api/people/{account.UserId}");
        var person = await secretariat.GetFromJsonAsync<PersonResponse>(accepted.Headers.Location, HttpClientExtensions.Json);
        person!.Email.ShouldBe(email);
        person.DisplayName.ShouldBe("Luis Ortega");
        person.OrganizationId.ShouldBe(organizationId);
        person.IsActive.ShouldBeTrue();

        // Accepted: no longer pending.
        (await secretariat.GetAsync(invited.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await secretariat.GetFromJsonAsync<List<PendingResponse>>($"/api/organizations/{organizationId}/invitations", HttpClientExtensions.Json))!
            .Select(i => i.Id).ShouldNotContain(invitation.Id);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task PendingInvitations_ForAnyoneButTheSecretariat_Are403(string who)
    {
        var organizationId = await app.OrganizationIdAsync("INM");
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(who);

        (await client.GetAsync($"/api/organizations/{organizationId}/invitations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Accept_Twice_Is409AndKeepsTheFirstAccountOnly()
    {
        using var secretariat = await SecretariatAsync();
        var email = NewEmail();
        var invitation = await InviteAsync(secretariat, await app.OrganizationIdAsync("PRM"), email, "Viewer");
        var token = await TokenForAsync(invitation.Id);
        using var anonymous = app.CreateApiClient();
        (await AcceptAsync(anonymous, token)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await AcceptAsync(anonymous, token, "Someone else");

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Title
            .ShouldBe("This invitation has already been used. Sign in, or ask the secretariat for a new one.");
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).ShouldBe(1);
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email))).DisplayName.ShouldBe("Invited Person");
    }

    [Fact]
    public async Task Accept_ExpiredInvitation_Is409AndCreatesNoAccount()
    {
        using var secretariat = await SecretariatAsync();
        var email = NewEmail();
        var invitation = await InviteAsync(secretariat, await app.OrganizationIdAsync("INM"), email, "FocalPoint");
        var token = await TokenForAsync(invitation.Id);
        await app.WithDbAsync(db => db.Invitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        using var anonymous = app.CreateApiClient();
        var response = await AcceptAsync(anonymous, token);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Title
            .ShouldBe("This invitation has expired. Ask the secretariat to send a new one.");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id))).AcceptedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("short pass")]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public async Task Accept_WithWeakPassword_Is400ForPasswordAndTheInvitationStaysUsable(string password)
    {
        using var secretariat = await SecretariatAsync();
        var email = NewEmail();
        var invitation = await InviteAsync(secretariat, await app.OrganizationIdAsync("INM"), email, "FocalPoint");
        var token = await TokenForAsync(invitation.Id);
        using var anonymous = app.CreateApiClient();

        var weak = await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token, displayName = "Invited Person", password });

        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await weak.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json);
        problem!.Errors!.Keys.ShouldBe(["password"]);
        problem.Errors["password"].ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id))).AcceptedAt.ShouldBeNull();

        (await AcceptAsync(anonymous, token)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Accept_AddressWithAnApostrophe_CreatesTheAccount()
    {
        using var secretariat = await SecretariatAsync();
        var email = $"o'brien.{Guid.NewGuid():N}@test.example.org";
        var invitation = await InviteAsync(secretariat, await app.OrganizationIdAsync("UNIV"), email, "Viewer");
        using var anonymous = app.CreateApiClient();

        var response = await AcceptAsync(anonymous, await TokenForAsync(invitation.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var person = app.CreateApiClient();
        await person.SignInWithTokenAsync(email, NewPassword);
    }

    [Fact]
    public async Task Accept_UnknownToken_Is404()
    {
        using var anonymous = app.CreateApiClient();

        var response = await AcceptAsync(anonymous, "no-such-token-" + Guid.NewGuid().ToString("N"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accept_WithoutDisplayNameOrToken_Is400ForEach()
    {
        using var anonymous = app.CreateApiClient();

        var response = await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token = "", displayName = " ", password = NewPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Errors!.Keys
            .ShouldBe(["token", "displayName"], ignoreOrder: true);
    }

    [Fact]
    public async Task Accept_WhenTheAccountCannotBeCompleted_RollsBackTheAccountAndTheAcceptanceTogether()
    {
        // An invitation whose role does not exist (only possible by bypassing the API): the account row is saved, then
        // giving it the role fails. Both the account and the invitation's acceptance must disappear with the transaction.
        var email = NewEmail();
        var organizationId = await app.OrganizationIdAsync("INM");
        var token = await app.WithDbAsync(async db =>
        {
            var (invitation, secret) = Invitation.Create(organizationId, email, "Ghost", DateTime.UtcNow, Guid.NewGuid());
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return secret;
        });
        using var anonymous = app.CreateApiClient();

        var response = await AcceptAsync(anonymous, token);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == email))).AcceptedAt.ShouldBeNull();
    }

    [Fact]
    public async Task OpenApi_DescribesTheInvitationAndAuditRoutesWithTheirSchemas()
    {
        using var client = app.CreateApiClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        var invite = paths.GetProperty("/api/organizations/{id}/invitations").GetProperty("post");
        invite.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _).ShouldBeTrue();
        invite.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _).ShouldBeTrue();
        var accept = paths.GetProperty("/api/invitations/accept").GetProperty("post");
        accept.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _).ShouldBeTrue();
        var audit = paths.GetProperty("/api/audit").GetProperty("get");
        audit.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["entityType", "entityId", "page", "pageSize"], ignoreOrder: true);
        audit.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _).ShouldBeTrue();
    }

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        return client;
    }

    private static string NewEmail() => $"invited.{Guid.NewGuid():N}@test.example.org";

    private static async Task<InvitationResponse> InviteAsync(HttpClient secretariat, Guid organizationId, string email, string role, string? language = null)
    {
        var response = await secretariat.PostAsJsonAsync($"/api/organizations/{organizationId}/invitations", new { email, role, language });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InvitationResponse>(HttpClientExtensions.Json))!;
    }

    private Task<string> TokenForAsync(Guid invitationId) =>
        app.WithDbAsync(async db => TokenIn((await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DeduplicationKey == $"invitation:{invitationId}")).TextBody));

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string displayName = "Invited Person") =>
        client.PostAsJsonAsync("/api/invitations/accept", new { token, displayName, password = NewPassword });

    private static string TokenIn(string mailText)
    {
        var match = TokenPattern().Match(mailText);
        match.Success.ShouldBeTrue(mailText);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"accept-invitation\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenPattern();

    private sealed record InvitationResponse(Guid Id, Guid OrganizationId, string Email, string Role, DateTime ExpiresAt);

    private sealed record AcceptedResponse(Guid UserId, string Email, Guid OrganizationId, string Role);

    private sealed record PendingResponse(Guid Id, string Email, string Role, DateTime CreatedAt, DateTime ExpiresAt);

    private sealed record PersonResponse(Guid Id, string DisplayName, string Email, string? Role, Guid OrganizationId, bool IsActive);

    private sealed record MeResponse(Guid Id, string Email, string DisplayName, List<string> Roles, Guid? OrganizationId);
}

public sealed class InvitationsApiTestsOnSqlite(SqliteApp app) : InvitationsApiTests<SqliteApp>(app);

public sealed class InvitationsApiTestsOnPostgreSql(PostgreSqlApp app) : InvitationsApiTests<PostgreSqlApp>(app);
