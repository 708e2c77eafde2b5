namespace Coordination.Application.Common.Security;

/// <summary>Marks a use case anyone may run without signing in (published reports, accepting an invitation).</summary>
public interface IAllowAnonymous;

/// <summary>Marks a use case only the secretariat may run.</summary>
public interface ISecretariatOnly;

/// <summary>
/// A resource-based check for one kind of message, run by the authorization behaviour after the role checks:
/// e.g. a focal point may report progress only on their own organization's assignments.
/// </summary>
public interface IAccessRule<in TMessage>
{
    ValueTask<AccessDecision> DecideAsync(TMessage message, ICurrentUser user, CancellationToken cancellationToken);
}

public enum AccessDecision
{
    Allow,

    /// <summary>The caller may know the resource exists but may not do this: 403.</summary>
    Forbid,

    /// <summary>The caller may not even know the resource exists: 404.</summary>
    Hide,
}
