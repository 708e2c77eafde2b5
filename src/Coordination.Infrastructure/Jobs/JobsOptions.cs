namespace Coordination.Infrastructure.Jobs;

public enum JobStorageKind
{
    /// <summary>In the app's memory: the embedded default. Losing it loses nothing, jobs scan the app's own tables.</summary>
    InMemory,

    /// <summary>In the application's PostgreSQL database (schema <c>hangfire</c>), shared by every instance.</summary>
    PostgreSql,
}

/// <summary>The <c>Hangfire</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary>Defaults to PostgreSQL when the database is PostgreSQL, in memory otherwise.</summary>
    public JobStorageKind? Storage { get; set; }

    /// <summary>Run a job server in this process (every instance does in production).</summary>
    public bool ServerEnabled { get; set; } = true;

    public int WorkerCount { get; set; } = 2;
}
