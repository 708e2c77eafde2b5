namespace Coordination.Infrastructure;

/// <summary>The <c>Coordination</c> configuration section.</summary>
public sealed class CoordinationOptions
{
    public const string Section = "Coordination";

    /// <summary>Where the embedded default keeps everything on disk (SQLite database, mail pickup folder).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Create the demo organizations, people and forum on an empty database.</summary>
    public bool DemoData { get; set; }

    /// <summary>The address people reach the site at, used for links in mails; the request's own address when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}
