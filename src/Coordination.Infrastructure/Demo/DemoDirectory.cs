using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;

namespace Coordination.Infrastructure.Demo;

/// <summary>
/// The organizations and people of the demo, drawn from the Regional Forum on Statistics and Data on Migration
/// (Santo Domingo, 2022). Names other than those the source document gives are plain descriptions.
/// </summary>
public static class DemoDirectory
{
    public const string Password = "Forum-2022-demo";

    public static readonly IReadOnlyList<(string Code, string Name)> MemberStates =
    [
        ("MEX", "Mexico"), ("BLZ", "Belize"), ("GTM", "Guatemala"), ("SLV", "El Salvador"), ("HND", "Honduras"),
        ("NIC", "Nicaragua"), ("CRI", "Costa Rica"), ("PAN", "Panama"), ("DOM", "Dominican Republic"),
    ];

    public static IEnumerable<DemoOrganization> Organizations()
    {
        yield return new("IOM", "IOM Regional Office for Central America, North America and the Caribbean", OrganizationKind.Secretariat, null);
        foreach (var (code, country) in MemberStates)
        {
            if (code == "DOM")
            {
                yield return new("INM", "National Migration Institute of the Dominican Republic", OrganizationKind.MemberStateInstitution, code);
                yield return new("ONE", "National Statistics Office of the Dominican Republic", OrganizationKind.MemberStateInstitution, code);
                continue;
            }

            yield return new($"MIG-{code}", $"National migration institution of {country}", OrganizationKind.MemberStateInstitution, code);
            yield return new($"NSO-{code}", $"National statistics office of {country}", OrganizationKind.MemberStateInstitution, code);
        }

        yield return new("PRM", "Bureau of Population, Refugees and Migration, U.S. Department of State", OrganizationKind.Donor, "USA");
        yield return new("UNIV", "Regional university research centre on migration", OrganizationKind.Academia, null);
        yield return new("CSO", "Civil-society network for migrants' rights", OrganizationKind.CivilSociety, null);
    }

    /// <summary>The four sign-ins the README and the console name, then a focal point for every other organization.</summary>
    public static IEnumerable<DemoPerson> People()
    {
        DemoPerson[] featured =
        [
            new("secretariat@example.org", "Regional secretariat officer", Roles.Secretariat, "IOM", "en", true),
            new("focal.dom@example.org", "Focal point, INM Dominican Republic", Roles.FocalPoint, "INM", "es", true),
            new("focal.mex@example.org", "Focal point, migration institution of Mexico", Roles.FocalPoint, "MIG-MEX", "es", true),
            new("viewer@example.org", "Programme officer, PRM", Roles.Viewer, "PRM", "en", true),
        ];
        var covered = featured.Where(p => p.Role == Roles.FocalPoint).Select(p => p.OrganizationAcronym).Append("IOM").ToHashSet();
        return featured.Concat(Organizations()
            .Where(o => !covered.Contains(o.Acronym))
            .Select(o => new DemoPerson(
                $"focal.{o.Acronym.ToLowerInvariant()}@example.org", $"Focal point, {o.Acronym}", Roles.FocalPoint, o.Acronym,
                o.CountryCode is null or "USA" ? "en" : "es", false)));
    }
}

public sealed record DemoOrganization(string Acronym, string Name, OrganizationKind Kind, string? CountryCode);

public sealed record DemoPerson(string Email, string DisplayName, string Role, string OrganizationAcronym, string Language, bool Featured);
