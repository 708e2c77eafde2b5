using Microsoft.AspNetCore.Identity;

namespace Coordination.Infrastructure.Identity;

/// <summary>A person who signs in; belongs to exactly one organization. The user name is the e-mail address.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 150;

    public Guid OrganizationId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary><c>en</c> or <c>es</c>: the language of the pages and of the mails sent to this person.</summary>
    public string PreferredLanguage { get; set; } = "en";

    /// <summary>A deactivated account cannot sign in; its history stays.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    /// <summary>The weekly digest can be switched off per person; reminders cannot.</summary>
    public bool ReceivesDigest { get; set; } = true;

    public static ApplicationUser Create(string email, string displayName, Guid organizationId, string preferredLanguage, DateTime createdAtUtc) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            DisplayName = displayName,
            OrganizationId = organizationId,
            PreferredLanguage = preferredLanguage,
            CreatedAt = createdAtUtc,
        };
}
