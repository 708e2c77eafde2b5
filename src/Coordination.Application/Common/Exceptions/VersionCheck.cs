using Coordination.Domain.Common;

namespace Coordination.Application.Common.Exceptions;

public static class VersionCheck
{
    /// <summary>
    /// Refuses a change made against a version other than the current one. A change racing between this check
    /// and the save is caught by the concurrency token on <see cref="IVersioned.Version"/>.
    /// </summary>
    public static void EnsureCurrent(this IVersioned entity, string? expectedVersion, string what)
    {
        if (!string.Equals(entity.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), expectedVersion?.Trim(), StringComparison.Ordinal))
            throw new ConflictException("This {0} was changed by someone else since you opened it. Reload it and make your change again.", what);
    }
}
