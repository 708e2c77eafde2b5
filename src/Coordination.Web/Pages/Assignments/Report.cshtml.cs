using System.ComponentModel.DataAnnotations;
using Coordination.Application.Assignments;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.Progress;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Assignments;

/// <summary>
/// The progress form: what a focal point (or the secretariat on the organization's behalf) reports on one assignment.
/// Reminder mails link here, so it opens from a bookmark; a returned update is revised here too.
/// </summary>
public sealed class ReportModel(ISender sender, ICurrentUser user, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Empty link fields offered at first, so most people never need "add another".</summary>
    public const int LinkFieldsAtFirst = 3;

    public static readonly AssignmentStatus[] ReportableStatuses =
        [AssignmentStatus.NotStarted, AssignmentStatus.InProgress, AssignmentStatus.Completed, AssignmentStatus.OnHold];

    [BindProperty]
    public ProgressInput Input { get; set; } = new();

    /// <summary>Where to go back after submitting; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public AssignmentDto Assignment { get; private set; } = default!;

    /// <summary>The returned update this report revises, with the secretariat's comment.</summary>
    public ProgressUpdateDto? Revising { get; private set; }

    /// <summary>
    /// Why no report can be sent now (the same sentences the domain would answer with), or null. The form is not
    /// offered then: it could only be refused.
    /// </summary>
    public string? Blocked { get; private set; }

    public bool CanAddLink => Input.EvidenceLinks.Count < ProgressUpdate.MaxEvidenceLinks;

    public string BackUrl => SafeReturnUrl ?? $"/assignments/{Assignment.Id}";

    private string? SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public async Task OnGetAsync(Guid id, Guid? revisionOf, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);

        // A reminder's link does not know about a returned update: the form revises it all the same. Only a returned
        // update is revised; an old link to one already accepted opens a fresh report.
        var revisable = await RevisableAsync(revisionOf ?? Assignment.ReturnedUpdateId, cancellationToken);
        Revising = revisable?.State == ProgressUpdateState.Returned ? revisable : null;
        Input = Revising is { } returned
            ? new ProgressInput
            {
                Status = returned.Status,
                PercentComplete = returned.PercentComplete,
                Narrative = returned.Narrative,
                Obstacles = returned.Obstacles,
                SupportNeeded = returned.SupportNeeded,
                EvidenceLinks = [.. returned.EvidenceLinks],
                RevisionOfId = returned.Id,
            }
            : new ProgressInput
            {
                Status = Assignment.Status is AssignmentStatus.NotStarted or AssignmentStatus.Cancelled ? AssignmentStatus.InProgress : Assignment.Status,
                PercentComplete = Assignment.PercentComplete,
            };
        Input.IdempotencyKey = Guid.NewGuid().ToString("N");
        PadLinks();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var statusUnreadable = ModelState.TryGetValue("Input.Status", out var s) && s.Errors.Count > 0;
        var percentUnreadable = ModelState.TryGetValue("Input.PercentComplete", out var p) && p.Errors.Count > 0;

        // The binder's own messages are English and technical; the command's validator says it in the person's words.
        ModelState.Clear();
        var (ok, update) = await this.TrySendAsync(sender, Input.ToCommand(id), cancellationToken: cancellationToken);
        if (ok)
        {
            TempData["Notice"] = update!.State == ProgressUpdateState.Submitted
                ? t["Your update was submitted and awaits validation by the secretariat."].Value
                : t["Your update was recorded."].Value;
            return LocalRedirect(BackUrl);
        }

        if (Input.Status is null || statusUnreadable)
            Replace("Input.Status", t["Choose the status of the assignment."]);
        if (Input.PercentComplete is null || percentUnreadable)
            Replace("Input.PercentComplete", t["Enter the percent complete, a whole number from 0 to 100."]);
        Revising = await RevisableAsync(Input.RevisionOfId, cancellationToken);
        PadLinks();
        return Page();
    }

    /// <summary>"Add another link" without JavaScript: the same form again, with one more empty link field and nothing sent.</summary>
    public async Task<IActionResult> OnPostAddLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Clear();
        Revising = await RevisableAsync(Input.RevisionOfId, cancellationToken);
        if (CanAddLink)
            Input.EvidenceLinks.Add(null);
        PadLinks();
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        // An assignment in a forum the person cannot read is not found; one they can read but not report on is not allowed.
        Assignment = await sender.Send(new GetAssignmentQuery(id), cancellationToken);
        if (!user.MayActFor(Assignment.OrganizationId))
            throw new ForbiddenException("Only the focal points of the assigned organization, or the secretariat, report on this assignment.");

        Blocked = Assignment.Status == AssignmentStatus.Cancelled ? "Progress cannot be reported on a cancelled assignment."
            : Assignment.AwaitingValidation ? "An update is already awaiting validation. Wait until the secretariat accepts or returns it."
            : null;
    }

    private async Task<ProgressUpdateDto?> RevisableAsync(Guid? updateId, CancellationToken cancellationToken)
    {
        if (updateId is not { } wanted)
            return null;
        var update = await sender.Send(new GetProgressUpdateQuery(wanted), cancellationToken);
        return update.AssignmentId == Assignment.Id ? update : throw new NotFoundException("Progress update", wanted);
    }

    /// <summary>Always a few empty link fields, and one more than the links already there.</summary>
    private void PadLinks()
    {
        var links = Input.EvidenceLinks;
        while (links.Count < LinkFieldsAtFirst || (links.Count < ProgressUpdate.MaxEvidenceLinks && links.All(l => !string.IsNullOrWhiteSpace(l))))
            links.Add(null);
    }

    private void Replace(string key, string message)
    {
        ModelState.Remove(key);
        ModelState.AddModelError(key, message);
    }

    public sealed class ProgressInput
    {
        [Display(Name = "Status")]
        public AssignmentStatus? Status { get; set; }

        [Display(Name = "Percent complete")]
        public int? PercentComplete { get; set; }

        [Display(Name = "What was done")]
        public string? Narrative { get; set; }

        [Display(Name = "Obstacles")]
        public string? Obstacles { get; set; }

        [Display(Name = "Support needed")]
        public string? SupportNeeded { get; set; }

        [Display(Name = "Evidence links")]
        public List<string?> EvidenceLinks { get; set; } = [];

        public Guid? RevisionOfId { get; set; }

        /// <summary>One per form shown: a double click or a resent form gets the first update back instead of an error.</summary>
        public string? IdempotencyKey { get; set; }

        public ReportProgressCommand ToCommand(Guid assignmentId) => new(
            assignmentId, Status, PercentComplete, Narrative, Obstacles, SupportNeeded, EvidenceLinks, null, null, RevisionOfId,
            string.IsNullOrWhiteSpace(IdempotencyKey) ? null : IdempotencyKey.Trim());
    }
}
