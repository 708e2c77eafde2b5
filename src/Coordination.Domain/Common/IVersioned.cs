namespace Coordination.Domain.Common;

/// <summary>
/// An updatable resource with an optimistic-concurrency version. The unit of work increments it on every
/// save; SQLite has no database-generated row version, so the app manages it on both providers.
/// </summary>
public interface IVersioned
{
    long Version { get; }

    void IncrementVersion();
}
