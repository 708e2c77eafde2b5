namespace Coordination.Domain.ActionPoints;

public enum AssignmentRole
{
    Lead,
    Supporting,
}
