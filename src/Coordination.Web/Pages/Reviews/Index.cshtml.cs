using System.ComponentModel.DataAnnotations;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Application.Notifications;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Pages.Forums;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Reviews;

/// <summary>
/// The periodic reviews of one forum at a time (chosen in the query string, the latest forum by default): its schedule,
/// its cycles with Open and Close, and a cycle made by hand. Everyone signed in reads; only the secretariat acts.
/// </summary>
public sealed class IndexModel(ISender sender, IOutboxDispatchTrigger outbox, ICurrentUser me, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "forum")]
    public Guid? ForumId { get; set; }

    [BindProperty]
    public CycleInput Input { get; set; } = new();

    public IReadOnlyList<ForumDto> Forums { get; private set; } = [];

    public ForumDto? Forum { get; private set; }

    public ReviewScheduleDto? Schedule { get; private set; }

    public Paged<ReviewCycleDto> Cycles { get; private set; } = new([], 1, PageSize, 0);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Forum is null)
            return NotFound();
        if (!me.IsSecretariat())
            return Forbid();
        if (!ModelState.IsValid)
            return Page();

        var (ok, created) = await this.TrySendAsync(
            sender,
            new CreateReviewCycleCommand(Forum.Id, Input.Name?.Trim(), Input.OpensOn, Input.SubmissionDeadline, Input.MeetingDate),
            cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = text["The review cycle {0} was created. Open it when reporting should start.", created!.Name].Value;
        return Redirect(ReviewReads.ForumLink(Forum.Id));
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid cycleId, string? version, CancellationToken cancellationToken)
    {
        // Only the cycle is posted: the create form's empty fields are not this form's errors.
        ModelState.Clear();
        var cycle = await sender.Send(new GetReviewCycleQuery(cycleId), cancellationToken);
        if (!me.IsSecretariat())
            return Forbid();

        var (ok, opened) = await this.TrySendAsync(sender, new OpenReviewCycleCommand(cycleId, version), cancellationToken: cancellationToken);
        if (!ok)
        {
            ForumId = cycle.ForumId;
            await LoadAsync(cancellationToken);
            return Page();
        }

        // Committed by now: the mails to the focal points can go.
        outbox.DispatchSoon();
        TempData["Notice"] = text["The review cycle {0} is open. The focal points are being mailed.", opened!.Name].Value;
        return Redirect(ReviewReads.ForumLink(opened.ForumId));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Forums = await sender.AllForumsAsync(cancellationToken);
        // A forum named in the address that the reader may not see is "not found", like everywhere else.
        Forum = ForumId is { } id
            ? Forums.FirstOrDefault(f => f.Id == id) ?? await sender.Send(new GetForumQuery(id), cancellationToken)
            : Forums.FirstOrDefault();
        if (Forum is null)
            return;
        ForumId = Forum.Id;
        Schedule = await sender.Send(new GetReviewScheduleQuery(Forum.Id), cancellationToken);
        Cycles = await sender.Send(
            new ListReviewCyclesQuery(Forum.Id, Page: PageReads.PageNumber(Request), PageSize: PageSize), cancellationToken);
    }

    /// <summary>The fields of a cycle made by hand; the names are the command's.</summary>
    public sealed class CycleInput
    {
        [Required(ErrorMessage = "Enter the cycle's name, e.g. 2026-Q3 review.")]
        [StringLength(ReviewCycle.NameMaxLength, ErrorMessage = "The name can have at most {1} characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Say on which day the cycle opens.")]
        [Display(Name = "Opens on")]
        public DateOnly? OpensOn { get; set; }

        [Required(ErrorMessage = "Say by which day updates are due.")]
        [Display(Name = "Submission deadline")]
        public DateOnly? SubmissionDeadline { get; set; }

        [Display(Name = "Review meeting")]
        public DateOnly? MeetingDate { get; set; }
    }
}
