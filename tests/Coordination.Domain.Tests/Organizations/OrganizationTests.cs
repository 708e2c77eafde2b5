using Coordination.Domain.Common;
using Coordination.Domain.Organizations;

namespace Coordination.Domain.Tests.Organizations;

public sealed class OrganizationTests
{
    [Fact]
    public void Create_MemberStateInstitution_KeepsItsCountryInUpperCase()
    {
        var organization = Organization.Create("  National Statistics Office  ", "ONE", OrganizationKind.MemberStateInstitution, "dom");

        organization.Name.ShouldBe("National Statistics Office");
        organization.CountryCode.ShouldBe("DOM");
        organization.IsMemberState.ShouldBeTrue();
        organization.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Create_MemberStateInstitutionWithoutCountry_IsRefused()
    {
        var refused = Should.Throw<DomainException>(() =>
            Organization.Create("Migration Institute", "INM", OrganizationKind.MemberStateInstitution, null));
        refused.Message.ShouldBe("A member-state institution must belong to a country.");
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("DO")]
    [InlineData("DOMI")]
    public void Create_WithCodeThatIsNotIso3166Alpha3_IsRefused(string code)
    {
        Should.Throw<DomainException>(() => Organization.Create("Institute", "I", OrganizationKind.MemberStateInstitution, code));
    }

    [Fact]
    public void Create_PartnerWithoutCountry_IsAllowed()
    {
        var partner = Organization.Create("Civil-society network", "CSO", OrganizationKind.CivilSociety, " ");

        partner.CountryCode.ShouldBeNull();
        partner.IsMemberState.ShouldBeFalse();
    }

    [Fact]
    public void Create_WithEmptyNameOrOverlongAcronym_IsRefused()
    {
        Should.Throw<DomainException>(() => Organization.Create(" ", "X", OrganizationKind.Donor, null))
            .Message.ShouldBe("The name is required.");
        Should.Throw<DomainException>(() => Organization.Create("Donor", new string('X', Organization.AcronymMaxLength + 1), OrganizationKind.Donor, null))
            .Message.ShouldContain("at most 20 characters");
    }

    [Fact]
    public void Change_ToAnInvalidState_LeavesTheOrganizationAsItWas()
    {
        var organization = Organization.Create("Statistics Office", "NSO", OrganizationKind.MemberStateInstitution, "MEX");

        Should.Throw<DomainException>(() => organization.Change("Renamed", "NSO", OrganizationKind.MemberStateInstitution, null));

        organization.Name.ShouldBe("Statistics Office");
        organization.CountryCode.ShouldBe("MEX");
    }
}
