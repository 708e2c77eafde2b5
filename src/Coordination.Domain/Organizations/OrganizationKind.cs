namespace Coordination.Domain.Organizations;

public enum OrganizationKind
{
    MemberStateInstitution,
    Secretariat,
    UnAgency,
    Donor,
    Academia,
    CivilSociety,
    PrivateSector,
    Other,
}
