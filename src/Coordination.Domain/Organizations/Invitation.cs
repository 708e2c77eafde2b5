using System.Security.Cryptography;
using System.Text;
using Coordination.Domain.Common;

namespace Coordination.Domain.Organizations;

/// <summary>
/// A person asked to join an organization with a role. The link in the mail carries a secret token; only its hash is
/// kept, it works once, and for seven days.
/// </summary>
public sealed class Invitation : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    public const int EmailMaxLength = 256;

    private Invitation(Guid id, Guid organizationId, string email, string role, string tokenHash, DateTime createdAt, Guid invitedById)
        : base(id)
    {
        OrganizationId = organizationId;
        Email = email;
        Role = role;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + Lifetime;
        InvitedById = invitedById;
    }

    public Guid OrganizationId { get; private set; }

    public string Email { get; private set; }

    public string Role { get; private set; }

    public string TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public Guid InvitedById { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public Guid? AcceptedUserId { get; private set; }

    /// <summary>Creates the invitation and the token for its link, which is never stored.</summary>
    public static (Invitation Invitation, string Token) Create(Guid organizationId, string email, string role, DateTime now, Guid invitedById)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var invitation = new Invitation(
            Guid.CreateVersion7(), organizationId, Guard.Required(email, "The e-mail address", EmailMaxLength).ToLowerInvariant(),
            role, Hash(token), now, invitedById);
        return (invitation, token);
    }

    public bool IsUsable(DateTime now) => AcceptedAt is null && now < ExpiresAt;

    public bool Matches(string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(TokenHash));

    public void Accept(Guid userId, DateTime now)
    {
        if (AcceptedAt is not null)
            throw new DomainException("This invitation has already been used. Sign in, or ask the secretariat for a new one.");
        if (now >= ExpiresAt)
            throw new DomainException("This invitation has expired. Ask the secretariat to send a new one.");
        AcceptedAt = now;
        AcceptedUserId = userId;
    }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
