using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Forums;

public sealed class EditModel(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me)
    : ForumFormPage(sender, text, me)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string ForumTitle { get; private set; } = "";

    // The forum is read first: whoever may not read it gets "not found", whoever may read but not edit it "not allowed".
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var forum = await Sender.Send(new GetForumQuery(Id), cancellationToken);
        if (!Me.IsSecretariat())
            return Forbid();

        ForumTitle = forum.Title;
        Input = new ForumInput
        {
            Title = forum.Title,
            Place = forum.Place,
            StartDate = forum.StartDate,
            EndDate = forum.EndDate,
            Description = forum.Description,
            RequiresValidation = forum.RequiresValidation,
            Confidential = forum.Confidential,
            ParticipantIds = [.. forum.ParticipantIds],
            Version = forum.Version,
        };
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Me.IsSecretariat())
            return Forbid();
        if (ModelState.IsValid)
        {
            var (ok, forum) = await this.TrySendAsync(Sender, new UpdateForumCommand(
                Id, Input.Title!, Input.Place!, Input.StartDate, Input.EndDate, Input.Description, Input.RequiresValidation,
                Input.ParticipantIds ?? [], Input.Version ?? "", Input.Confidential), cancellationToken: cancellationToken);
            if (ok)
            {
                TempData["Notice"] = Text["The forum “{0}” was saved.", forum!.Title].Value;
                return Redirect($"/forums/{forum.Id}");
            }
        }

        ForumTitle = (await Sender.Send(new GetForumQuery(Id), cancellationToken)).Title;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
