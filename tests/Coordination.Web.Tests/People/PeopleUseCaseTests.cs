using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.People;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Tests.Infrastructure;
using Coordination.Web.Tests.Pages.Account;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.People;

/// <summary>
/// The people and account use cases through the mediator's whole pipeline (validation, authorization, one
/// transaction), run as a given person: refusals, the audit entries they leave, and what they write.
/// </summary>
public abstract class PeopleUseCaseTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task DeactivatePerson_Yourself_IsAConflictAndChangesNothing()
    {
        var secretariat = await app.CreatePersonAsync(Roles.Secretariat, "IOM", "en");

        var refused = await Should.ThrowAsync<ConflictException>(() => SendAsAsync(secretariat.Email!, new DeactivatePersonCommand(secretariat.Id)));

        refused.Message.ShouldBe("You cannot deactivate your own account. Ask another member of the secretariat.");
        (await IsActiveAsync(secretariat.Id)).ShouldBeTrue();
        (await AuditCountAsync(secretariat.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.Viewer)]
    public async Task PeopleUseCases_ForAnyoneButTheSecretariat_AreForbidden(string email)
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "INM", "en");

        await Should.ThrowAsync<ForbiddenException>(() => SendAsAsync(email, new DeactivatePersonCommand(person.Id)));
        await Should.ThrowAsync<ForbiddenException>(() => SendAsAsync(email, new ReactivatePersonCommand(person.Id)));
        await Should.ThrowAsync<ForbiddenException>(() => SendAsAsync(email, new ListPeopleQuery(person.OrganizationId)));
        await Should.ThrowAsync<ForbiddenException>(() => SendAsAsync(email, new GetPersonQuery(person.Id)));
        await Should.ThrowAsync<ForbiddenException>(() => SendAsAsync(email, new ListPendingInvitationsQuery(person.OrganizationId)));

        (await IsActiveAsync(person.Id)).ShouldBeTrue();
        (await AuditCountAsync(person.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task DeactivatePerson_Twice_WritesOneAuditEntry_AndUnknownPeopleAreNotFound()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "PRM", "en");

        await SendAsAsync(TestPeople.Secretariat, new DeactivatePersonCommand(person.Id));
        await SendAsAsync(TestPeople.Secretariat, new DeactivatePersonCommand(person.Id));

        (await IsActiveAsync(person.Id)).ShouldBeFalse();
        (await AuditCountAsync(person.Id)).ShouldBe(1);
        await Should.ThrowAsync<NotFoundException>(() => SendAsAsync(TestPeople.Secretariat, new DeactivatePersonCommand(Guid.NewGuid())));
        await Should.ThrowAsync<NotFoundException>(() => SendAsAsync(TestPeople.Secretariat, new ListPeopleQuery(Guid.NewGuid())));
        await Should.ThrowAsync<ValidationException>(() => SendAsAsync(TestPeople.Secretariat, new DeactivatePersonCommand(Guid.Empty)));
    }

    [Fact]
    public async Task ListPeople_ReturnsTheOrganizationsPeopleWithTheirRole()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "NSO-SLV", "en");

        var people = await SendAsAsync(TestPeople.Secretariat, new ListPeopleQuery(person.OrganizationId));

        var listed = people.Single(p => p.Id == person.Id);
        (listed.Email, listed.Role, listed.IsActive, listed.TwoFactorEnabled).ShouldBe((person.Email!, Roles.FocalPoint, true, false));
        people.ShouldAllBe(p => p.OrganizationId == person.OrganizationId);
    }

    [Fact]
    public async Task RequestPasswordReset_ForUnknownOrDeactivatedAccounts_MailsNothing_AndRepeatedRequestsMailOnce()
    {
        var active = await app.CreatePersonAsync(Roles.Viewer, "UNIV", "en");
        var inactive = await app.CreatePersonAsync(Roles.Viewer, "UNIV", "en");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == inactive.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var unknown = $"nobody.{Guid.NewGuid():N}@test.example.org";

        foreach (var email in new[] { unknown, inactive.Email!, active.Email!, active.Email! })
            await SendAnonymouslyAsync(new RequestPasswordResetCommand(email));

        (await MailCountAsync(unknown)).ShouldBe(0);
        (await MailCountAsync(inactive.Email!)).ShouldBe(0);
        (await MailCountAsync(active.Email!)).ShouldBe(1);
    }

    [Fact]
    public async Task ResetPassword_WithAForgedTokenOrForAnUnknownAddress_IsAConflict_AndAWeakPasswordIsAValidationError()
    {
        var person = await app.CreatePersonAsync(Roles.Viewer, "CSO", "en");
        await SendAnonymouslyAsync(new RequestPasswordResetCommand(person.Email!));
        var link = AccountTestSupport.LinkIn((await app.LastMailToAsync(person.Email!, "PasswordReset"))!.TextBody, "/account/reset-password");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        await Should.ThrowAsync<ConflictException>(() => SendAnonymouslyAsync(new ResetPasswordCommand(person.Email!, "Zm9yZ2Vk", "A perfectly long new password")));
        await Should.ThrowAsync<ConflictException>(() => SendAnonymouslyAsync(new ResetPasswordCommand("nobody@test.example.org", token, "A perfectly long new password")));
        var weak = await Should.ThrowAsync<ValidationException>(() => SendAnonymouslyAsync(new ResetPasswordCommand(person.Email!, token, "aaaaaaaaaaaaaaaa")));
        weak.Errors.Select(e => e.PropertyName).ShouldBe(["NewPassword"]);

        await SendAnonymouslyAsync(new ResetPasswordCommand(person.Email!, token, "A perfectly long new password"));
        (await AuditCountAsync(person.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsAValidationErrorOnThatField()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "ONE", "en");

        var refused = await Should.ThrowAsync<ValidationException>(() =>
            SendAsAsync(person.Email!, new ChangePasswordCommand("not the password", "A perfectly long new password")));

        refused.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ShouldBe([("CurrentPassword", "The current password is not correct.")]);
        (await AuditCountAsync(person.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task UpdateProfile_UnknownLanguageOrEmptyName_IsAValidationError_AndNoChangeWritesNoEntry()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "ONE", "en");

        var refused = await Should.ThrowAsync<ValidationException>(() => SendAsAsync(person.Email!, new UpdateProfileCommand("", "fr")));
        refused.Errors.Select(e => e.PropertyName).ShouldBe(["DisplayName", "PreferredLanguage"], ignoreOrder: true);

        await SendAsAsync(person.Email!, new UpdateProfileCommand(person.DisplayName, "en"));
        (await AuditCountAsync(person.Id)).ShouldBe(0);

        await SendAsAsync(person.Email!, new UpdateProfileCommand(person.DisplayName, "es"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == person.Id));
        (audit.Before, audit.After).ShouldBe(("""{"preferredLanguage":"en"}""", """{"preferredLanguage":"es"}"""));
    }

    [Fact]
    public async Task EnableTwoFactor_BeforeSetupIsAConflict_AWrongCodeIsAValidationError_AndEachCodeWorksOnce()
    {
        var person = await app.CreatePersonAsync(Roles.FocalPoint, "MIG-NIC", "en");

        await Should.ThrowAsync<ConflictException>(() => SendAsAsync(person.Email!, new EnableTwoFactorCommand("123456")));
        await SendAsAsync(person.Email!, new StartTwoFactorSetupCommand());
        var setup = await SendAsAsync(person.Email!, new GetTwoFactorQuery());
        var key = setup.SharedKey!.Replace(" ", "");
        var step = Totp.CurrentStep();

        var wrong = await Should.ThrowAsync<ValidationException>(() => SendAsAsync(person.Email!, new EnableTwoFactorCommand(Totp.Code(key, step + 3))));
        wrong.Errors.Single().PropertyName.ShouldBe("Code");

        var codes = await SendAsAsync(person.Email!, new EnableTwoFactorCommand(Totp.Code(key, step)));
        codes.Codes.Count.ShouldBe(10);
        (await SendAsAsync(person.Email!, new GetTwoFactorQuery())).ShouldBe(new TwoFactorDto(true, 10, null, null));
        await Should.ThrowAsync<ConflictException>(() => SendAsAsync(person.Email!, new StartTwoFactorSetupCommand()));

        (await UseCodeAsync(person.Id, Totp.Code(key, step))).ShouldBeFalse("the code that turned it on is spent");
        (await UseCodeAsync(person.Id, Totp.Code(key, step + 1))).ShouldBeTrue();
        (await UseCodeAsync(person.Id, Totp.Code(key, step + 1))).ShouldBeFalse("a code works once");
        (await UseCodeAsync(person.Id, Totp.Code(key, step - 1))).ShouldBeFalse("an older code is refused as well");
    }

    [Fact]
    public async Task GetInvitationByToken_TellsUnknownUsableUsedAndExpiredApart()
    {
        var organizationId = await app.OrganizationIdAsync("CSO");
        var email = $"preview.{Guid.NewGuid():N}@test.example.org";
        var token = await app.WithDbAsync(async db =>
        {
            var (invitation, secret) = Domain.Organizations.Invitation.Create(organizationId, email, Roles.Viewer, DateTime.UtcNow, Guid.NewGuid());
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return secret;
        });

        var usable = await SendAnonymouslyAsync(new GetInvitationByTokenQuery(token));
        (usable.State, usable.Email, usable.Role).ShouldBe((InvitationState.Usable, email, Roles.Viewer));
        usable.OrganizationName.ShouldBe("Civil-society network for migrants' rights");
        (await SendAnonymouslyAsync(new GetInvitationByTokenQuery("nope"))).State.ShouldBe(InvitationState.Unknown);

        await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        (await SendAnonymouslyAsync(new GetInvitationByTokenQuery(token))).State.ShouldBe(InvitationState.Expired);
        await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, DateTime.UtcNow)));
        (await SendAnonymouslyAsync(new GetInvitationByTokenQuery(token))).State.ShouldBe(InvitationState.Used);
    }

    /// <summary>Runs the message in a scope of its own, as the person would through a request.</summary>
    private Task<TResponse> SendAsAsync<TResponse>(string email, IMessage message) =>
        app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
            return await SendInContextAsync<TResponse>(services, message, principal);
        });

    private Task<Unit> SendAsAsync(string email, ICommand command) => SendAsAsync<Unit>(email, command);

    private Task<TResponse> SendAsAsync<TResponse>(string email, ICommand<TResponse> command) => SendAsAsync<TResponse>(email, (IMessage)command);

    private Task<TResponse> SendAsAsync<TResponse>(string email, IQuery<TResponse> query) => SendAsAsync<TResponse>(email, (IMessage)query);

    private Task<Unit> SendAnonymouslyAsync(ICommand command) =>
        app.WithScopeAsync(services => SendInContextAsync<Unit>(services, command, new System.Security.Claims.ClaimsPrincipal()));

    private Task<TResponse> SendAnonymouslyAsync<TResponse>(IQuery<TResponse> query) =>
        app.WithScopeAsync(services => SendInContextAsync<TResponse>(services, query, new System.Security.Claims.ClaimsPrincipal()));

    private static async Task<TResponse> SendInContextAsync<TResponse>(IServiceProvider services, IMessage message, System.Security.Claims.ClaimsPrincipal principal)
    {
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = services };
        try
        {
            return (TResponse)(await services.GetRequiredService<ISender>().Send((object)message))!;
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private Task<bool> UseCodeAsync(Guid userId, string code) =>
        app.WithScopeAsync(services => services.GetRequiredService<IAccounts>().TryUseAuthenticatorCodeAsync(userId, code, CancellationToken.None));

    private Task<bool> IsActiveAsync(Guid userId) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.IsActive).SingleAsync());

    private Task<int> AuditCountAsync(Guid userId) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Person" && a.EntityId == userId));

    private Task<int> MailCountAsync(string email) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Kind == "PasswordReset"));
}

public sealed class PeopleUseCaseTestsOnSqlite(SqliteApp app) : PeopleUseCaseTests<SqliteApp>(app);

public sealed class PeopleUseCaseTestsOnPostgreSql(PostgreSqlApp app) : PeopleUseCaseTests<PostgreSqlApp>(app);
