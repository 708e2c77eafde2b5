using Coordination.Application.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Infrastructure.Identity;

public sealed class ApplicationRole : IdentityRole<Guid>
{
    /// <summary>The three roles exist on every database, created by the migrations with fixed ids.</summary>
    public static IReadOnlyList<ApplicationRole> Seed { get; } =
    [
        Fixed(Roles.Secretariat, "0196f0a0-0000-7000-8000-000000000001"),
        Fixed(Roles.FocalPoint, "0196f0a0-0000-7000-8000-000000000002"),
        Fixed(Roles.Viewer, "0196f0a0-0000-7000-8000-000000000003"),
    ];

    private static ApplicationRole Fixed(string name, string id) => new()
    {
        Id = Guid.Parse(id),
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
