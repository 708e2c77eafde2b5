using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Forums;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Pages.Forums;
using Mediator;

namespace Coordination.Web.Pages.Reviews;

/// <summary>What the review pages read and write the same way.</summary>
public static class ReviewReads
{
    /// <summary>Time zones of the region's forums, offered beside the free field (any IANA id is accepted).</summary>
    public static IReadOnlyList<string> SuggestedTimeZones { get; } =
    [
        "America/Santo_Domingo", "America/Mexico_City", "America/Belize", "America/Guatemala", "America/El_Salvador",
        "America/Tegucigalpa", "America/Managua", "America/Costa_Rica", "America/Panama", "America/New_York", "UTC",
    ];

    public static string ForumLink(Guid forumId) => $"/reviews?forum={forumId}";

    public static string CycleLink(Guid cycleId) => $"/reviews/{cycleId}";

    /// <summary>Every forum the reader may see, the latest first (as the forum list orders them).</summary>
    public static Task<List<ForumDto>> AllForumsAsync(this ISender sender, CancellationToken cancellationToken) =>
        sender.ReadAllAsync(page => new ListForumsQuery(Page: page, PageSize: Paging.MaxPageSize), cancellationToken);

    /// <summary>
    /// The forum's schedule, or null when it has none. The query answers "not found" for a forum without a schedule;
    /// callers read the forum first (a forum the reader may not see is "not found" there, and reaches the error page),
    /// so here "not found" can only mean "no schedule".
    /// </summary>
    public static async Task<ReviewScheduleDto?> ScheduleOrNullAsync(this ISender sender, Guid forumId, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.Send(new GetReviewScheduleQuery(forumId), cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>The resource key of a cycle's state ("Open" alone is already the verb of the buttons).</summary>
    public static string StateText(ReviewCycleState state) => "Cycle" + state;

    /// <summary>The resource key of a recurrence: its name, as for the other enums.</summary>
    public static string RecurrenceText(ReviewRecurrence recurrence) => recurrence.ToString();
}
