namespace Coordination.Application.Common.Security;

/// <summary>The three roles a person can hold; names are part of the API contract.</summary>
public static class Roles
{
    public const string Secretariat = nameof(Secretariat);
    public const string FocalPoint = nameof(FocalPoint);
    public const string Viewer = nameof(Viewer);

    public static IReadOnlyList<string> All { get; } = [Secretariat, FocalPoint, Viewer];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
