using Coordination.Domain.Common;

namespace Coordination.Domain.Organizations;

/// <summary>
/// A member-state institution (belongs to a country), the secretariat, or a partner. People belong to
/// exactly one organization, and what a focal point may change is decided by it.
/// </summary>
public sealed class Organization : VersionedEntity
{
    public const int NameMaxLength = 200;
    public const int AcronymMaxLength = 20;

    private Organization(Guid id, string name, string acronym, OrganizationKind kind, string? countryCode)
        : base(id)
    {
        Name = name;
        Acronym = acronym;
        Kind = kind;
        CountryCode = countryCode;
        IsActive = true;
    }

    public string Name { get; private set; }

    public string Acronym { get; private set; }

    public OrganizationKind Kind { get; private set; }

    /// <summary>ISO 3166-1 alpha-3; required for a member-state institution, optional for a partner.</summary>
    public string? CountryCode { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>The secret in the organization's calendar feed address; its focal points can see and regenerate it.</summary>
    public string CalendarToken { get; private set; } = NewToken();

    public void RegenerateCalendarToken() => CalendarToken = NewToken();

    private static string NewToken() =>
        Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();

    public static Organization Create(string name, string acronym, OrganizationKind kind, string? countryCode)
    {
        var organization = new Organization(Guid.CreateVersion7(), "", "", kind, null);
        organization.Change(name, acronym, kind, countryCode);
        return organization;
    }

    public void Change(string name, string acronym, OrganizationKind kind, string? countryCode)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException("The kind of organization is not one of the known kinds.");
        var code = Guard.Optional(countryCode, "The country", 3)?.ToUpperInvariant();
        if (code is not null && !CountryCatalogue.IsKnown(code))
            throw new DomainException("'{0}' is not an ISO 3166-1 alpha-3 country code.", code);
        if (kind == OrganizationKind.MemberStateInstitution && code is null)
            throw new DomainException("A member-state institution must belong to a country.");

        var checkedName = Guard.Required(name, "The name", NameMaxLength);
        var checkedAcronym = Guard.Required(acronym, "The acronym", AcronymMaxLength);

        Name = checkedName;
        Acronym = checkedAcronym;
        Kind = kind;
        CountryCode = code;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public bool IsMemberState => Kind == OrganizationKind.MemberStateInstitution;
}
