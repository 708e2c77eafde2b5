using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Forums;

public sealed class CreateModel(ISender sender, IStringLocalizer<SharedResource> text, ICurrentUser me)
    : ForumFormPage(sender, text, me)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Me.IsSecretariat())
            return Forbid();
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Me.IsSecretariat())
            return Forbid();
        if (ModelState.IsValid)
        {
            var (ok, forum) = await this.TrySendAsync(Sender, new CreateForumCommand(
                Input.Title!, Input.Place!, Input.StartDate, Input.EndDate, Input.Description, Input.RequiresValidation,
                Input.ParticipantIds ?? [], Input.Confidential), cancellationToken: cancellationToken);
            if (ok)
            {
                TempData["Notice"] = Text["The forum “{0}” was recorded.", forum!.Title].Value;
                return Redirect($"/forums/{forum.Id}");
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
