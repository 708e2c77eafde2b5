namespace Coordination.Infrastructure.Persistence.Interceptors;

/// <summary>The use case running in this scope, named in the audit entries its changes leave.</summary>
public sealed class AuditContext
{
    public string Action { get; set; } = "Unspecified";
}
