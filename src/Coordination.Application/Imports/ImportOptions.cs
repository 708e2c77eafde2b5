namespace Coordination.Application.Imports;

/// <summary>Settings of plan imports, section <c>Imports</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Largest accepted file, in bytes (default 10 MB).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A file of more rows than this is imported by a background run (when the caller allows one).</summary>
    public int BackgroundAboveRows { get; set; } = 2000;

    /// <summary>A file larger than this (bytes) is imported by a background run (when the caller allows one).</summary>
    public long BackgroundAboveBytes { get; set; } = 1024 * 1024;

    /// <summary>Days a finished import run keeps its file; then the sweep releases it and keeps the report.</summary>
    public int KeepFilesDays { get; set; } = 30;

    public bool IsLarge(long bytes, int rows) => bytes > BackgroundAboveBytes || rows > BackgroundAboveRows;
}
