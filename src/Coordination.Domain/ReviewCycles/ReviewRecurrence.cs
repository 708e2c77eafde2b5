namespace Coordination.Domain.ReviewCycles;

public enum ReviewRecurrence
{
    Monthly,
    Quarterly,
    HalfYearly,

    /// <summary>Opening days given by a cron expression (e.g. <c>0 0 1 1,4,7,10 *</c>).</summary>
    Cron,
}
