using Coordination.Application.Common.Security;
using Coordination.Application.ReviewCycles;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Reviews;

/// <summary>Closing freezes the cycle's snapshot for good and ends its reporting: it asks first.</summary>
public sealed class CloseModel(ISender sender, ICurrentUser me, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Version { get; set; }

    public ReviewCycleDto Cycle { get; private set; } = default!;

    public ComplianceCounts Total { get; private set; } = new(0, 0, 0, 0);

    // Read first: whoever may not see the cycle gets "not found", whoever may see but not close it "not allowed".
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Version = Cycle.Version;
        return me.IsSecretariat() ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!me.IsSecretariat())
            return Forbid();

        var (ok, closed) = await this.TrySendAsync(sender, new CloseReviewCycleCommand(Id, Version), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = text["The review cycle {0} is closed; its snapshot is kept for trends and compliance.", closed!.Name].Value;
        return Redirect(ReviewReads.CycleLink(closed.Id));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Cycle = await sender.Send(new GetReviewCycleQuery(Id), cancellationToken);
        Total = (await sender.Send(new GetComplianceQuery(Id), cancellationToken)).Total;
    }
}
