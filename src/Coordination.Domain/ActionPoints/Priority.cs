namespace Coordination.Domain.ActionPoints;

public enum Priority
{
    Low,
    Medium,
    High,
}
