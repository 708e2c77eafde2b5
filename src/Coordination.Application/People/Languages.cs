namespace Coordination.Application.People;

/// <summary>The languages of the pages and the mails.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Spanish = "es";

    public static IReadOnlyList<string> All { get; } = [English, Spanish];

    public static bool IsKnown(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);
}
