using System.Linq.Expressions;
using Coordination.Domain.Organizations;

namespace Coordination.Application.Organizations;

public sealed record OrganizationDto(
    Guid Id, string Name, string Acronym, OrganizationKind Kind, string? CountryCode, bool IsActive, string Version)
{
    public static readonly Expression<Func<Organization, OrganizationDto>> Projection = o =>
        new OrganizationDto(o.Id, o.Name, o.Acronym, o.Kind, o.CountryCode, o.IsActive, o.Version.ToString());

    private static readonly Func<Organization, OrganizationDto> FromEntity = Projection.Compile();

    public static OrganizationDto From(Organization organization) => FromEntity(organization);
}
