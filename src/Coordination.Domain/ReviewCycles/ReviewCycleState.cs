namespace Coordination.Domain.ReviewCycles;

public enum ReviewCycleState
{
    Scheduled,
    Open,
    Closed,
}
