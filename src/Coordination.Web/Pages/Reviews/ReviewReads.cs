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

    /// <summary>The resource key of a cycle's state ("Open" alone is already the verb of the buttons).</summary>
    public static string StateText(ReviewCycleState state) => "Cycle" + state;

    /// <summary>The resource key of a recurrence: its name, as for the other enums.</summary>
    public static string RecurrenceText(ReviewRecurrence recurrence) => recurrence.ToString();
}
