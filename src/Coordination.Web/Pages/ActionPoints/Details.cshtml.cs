using Coordination.Application.ActionPoints;
using Coordination.Application.Audit;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.ActionPoints;

public sealed class DetailsModel(ISender sender, ICurrentUser me) : PageModel
{
    /// <summary>The timeline shows this many changes, newest first.</summary>
    public const int HistoryLength = 100;

    public ActionPointDetailsDto ActionPoint { get; private set; } = default!;

    public ConclusionDto Conclusion { get; private set; } = default!;

    public ForumDto Forum { get; private set; } = default!;

    /// <summary>Null for anyone but the secretariat: the audit log is theirs.</summary>
    public IReadOnlyList<AuditEntryDto>? History { get; private set; }

    public int HistoryTotal { get; private set; }

    // An action point of a forum the reader may not see is a NotFoundException here: the error page says "not found".
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        ActionPoint = await sender.Send(new GetActionPointQuery(id), cancellationToken);
        Conclusion = await sender.Send(new GetConclusionQuery(ActionPoint.ConclusionId), cancellationToken);
        Forum = await sender.Send(new GetForumQuery(ActionPoint.ForumId), cancellationToken);
        if (me.IsSecretariat())
        {
            var history = await sender.Send(new ListAuditEntriesQuery(EntityId: id, PageSize: HistoryLength), cancellationToken);
            History = history.Items;
            HistoryTotal = history.TotalCount;
        }
    }
}
