using Coordination.Application.ActionPoints;
using Coordination.Application.Common;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Web.Pages.Forums;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.ActionPoints;

/// <summary>
/// <c>/action-points/new?forumId=…</c> or <c>?conclusionId=…</c>; without either, the secretariat first chooses the forum.
/// </summary>
public sealed class CreateModel(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me, TimeProvider clock)
    : ActionPointFormPage(sender, text, me)
{
    [BindProperty(SupportsGet = true)]
    public Guid? ForumId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ConclusionId { get; set; }

    /// <summary>The forums to choose from, when none is chosen yet.</summary>
    public IReadOnlyList<ForumDto> Forums { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Me.IsSecretariat())
            return Forbid();

        if (ConclusionId is { } conclusionId)
        {
            ForumId = (await Sender.Send(new GetConclusionQuery(conclusionId), cancellationToken)).ForumId;
            Input.ConclusionId = conclusionId;
        }

        if (ForumId is not { } forumId)
        {
            Forums = await Sender.ReadAllAsync(page => new ListForumsQuery(Page: page, PageSize: Paging.MaxPageSize), cancellationToken);
            return Page();
        }

        await LoadForumAsync(forumId, cancellationToken);
        Input.StartDate = DateOnly.FromDayNumber(clock.TodayDayNumber());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Me.IsSecretariat())
            return Forbid();
        if (ForumId is not { } forumId)
            return BadRequest();
        await LoadForumAsync(forumId, cancellationToken);
        if (!TryReadIndicator(out var indicator) || !ModelState.IsValid)
            return Page();

        var (ok, actionPoint) = await this.TrySendAsync(Sender, new CreateActionPointCommand(
            Input.ConclusionId!.Value, Input.Code!, Input.Title!, Input.Description, Input.Priority,
            Input.StartDate!.Value, Input.DueDate!.Value, indicator), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = Text["Action point {0} was created. Assign it to the organizations that will carry it out.", actionPoint!.Code].Value;
        return Redirect($"/action-points/{actionPoint.Id}");
    }
}
