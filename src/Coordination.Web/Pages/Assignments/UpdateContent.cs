using Coordination.Application.Progress;

namespace Coordination.Web.Pages.Assignments;

/// <summary>What a progress update says, as the history, the validation queue and the revision form all show it.</summary>
public sealed record UpdateContent(string Narrative, string? Obstacles, string? SupportNeeded, IReadOnlyList<string> EvidenceLinks)
{
    public static UpdateContent Of(ProgressUpdateDto update) =>
        new(update.Narrative, update.Obstacles, update.SupportNeeded, update.EvidenceLinks);

    public static UpdateContent Of(ProgressQueueItemDto item) =>
        new(item.Narrative, item.Obstacles, item.SupportNeeded, item.EvidenceLinks);
}
