using Microsoft.Extensions.Configuration;

namespace Coordination.Application.Imports.Runs;

/// <summary>
/// When a file is handed to a background run (<see cref="QueueImportCommand"/>) instead of being imported during the
/// request: settings <c>Imports:BackgroundAboveRows</c> and <c>Imports:BackgroundAboveBytes</c>, read from configuration
/// by the upload page (and by the API's import, once wired).
/// </summary>
public sealed class BackgroundImportOptions
{
    public const string Section = "Imports";

    /// <summary>A file of more rows than this is imported in the background.</summary>
    public int BackgroundAboveRows { get; set; } = 2000;

    /// <summary>A file larger than this (bytes) is imported in the background.</summary>
    public long BackgroundAboveBytes { get; set; } = 1024 * 1024;

    public static BackgroundImportOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<BackgroundImportOptions>() ?? new BackgroundImportOptions();

    public bool IsLarge(long bytes, int rows) => bytes > BackgroundAboveBytes || rows > BackgroundAboveRows;
}
