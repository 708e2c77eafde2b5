using Coordination.Domain.Common;
using Coordination.Domain.Organizations;

namespace Coordination.Domain.Tests.Organizations;

public sealed class InvitationTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_KeepsOnlyTheTokensHash_AndLastsSevenDays()
    {
        var (invitation, token) = Invitation.Create(Guid.NewGuid(), "  Ana.Perez@Example.ORG ", "FocalPoint", Now, Guid.NewGuid());

        invitation.Email.ShouldBe("ana.perez@example.org");
        invitation.ExpiresAt.ShouldBe(Now.AddDays(7));
        invitation.TokenHash.ShouldBe(Invitation.Hash(token));
        invitation.TokenHash.ShouldNotContain(token);
        token.ShouldMatch("^[A-Za-z0-9_-]{43}$");
        invitation.Matches(token).ShouldBeTrue();
        invitation.Matches(token + "x").ShouldBeFalse();
        invitation.IsUsable(Now).ShouldBeTrue();
    }

    [Fact]
    public void Create_TwoInvitations_HaveDifferentTokens()
    {
        var (_, first) = Invitation.Create(Guid.NewGuid(), "a@example.org", "Viewer", Now, Guid.NewGuid());
        var (_, second) = Invitation.Create(Guid.NewGuid(), "a@example.org", "Viewer", Now, Guid.NewGuid());

        first.ShouldNotBe(second);
    }

    [Fact]
    public void Accept_WithinSevenDays_RecordsWhoAndWhen()
    {
        var (invitation, _) = Invitation.Create(Guid.NewGuid(), "a@example.org", "Viewer", Now, Guid.NewGuid());
        var userId = Guid.NewGuid();

        invitation.Accept(userId, Now.AddDays(6));

        invitation.AcceptedAt.ShouldBe(Now.AddDays(6));
        invitation.AcceptedUserId.ShouldBe(userId);
        invitation.IsUsable(Now.AddDays(6)).ShouldBeFalse();
    }

    [Fact]
    public void Accept_ASecondTime_IsRefused()
    {
        var (invitation, _) = Invitation.Create(Guid.NewGuid(), "a@example.org", "Viewer", Now, Guid.NewGuid());
        invitation.Accept(Guid.NewGuid(), Now.AddHours(1));

        var refused = Should.Throw<DomainException>(() => invitation.Accept(Guid.NewGuid(), Now.AddHours(2)));

        refused.Message.ShouldBe("This invitation has already been used. Sign in, or ask the secretariat for a new one.");
    }

    [Fact]
    public void Accept_AfterSevenDays_IsRefused()
    {
        var (invitation, _) = Invitation.Create(Guid.NewGuid(), "a@example.org", "Viewer", Now, Guid.NewGuid());

        invitation.IsUsable(Now.AddDays(7)).ShouldBeFalse();
        var refused = Should.Throw<DomainException>(() => invitation.Accept(Guid.NewGuid(), Now.AddDays(7)));

        refused.Message.ShouldBe("This invitation has expired. Ask the secretariat to send a new one.");
        invitation.AcceptedAt.ShouldBeNull();
    }

    [Fact]
    public void Create_WithoutEmail_IsRefused()
    {
        Should.Throw<DomainException>(() => Invitation.Create(Guid.NewGuid(), " ", "Viewer", Now, Guid.NewGuid()));
    }
}
