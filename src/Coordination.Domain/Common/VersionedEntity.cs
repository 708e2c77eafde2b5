namespace Coordination.Domain.Common;

public abstract class VersionedEntity(Guid id) : Entity(id), IVersioned
{
    public long Version { get; private set; }

    public void IncrementVersion() => Version++;
}
