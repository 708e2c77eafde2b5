using System.ComponentModel.DataAnnotations;
using Coordination.Application.Notifications;
using Coordination.Application.People;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages.Account;

/// <summary>Asks for a password reset link. The answer is the same whether the address has an account or not.</summary>
public sealed class ForgotPasswordModel(ISender sender, IOutboxDispatchTrigger outbox) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var (ok, _) = await this.TrySendAsync(sender, new RequestPasswordResetCommand(Input.Email.Trim()), cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        // Committed by now: the dispatcher will see the mail, if there is one.
        outbox.DispatchSoon();
        return RedirectToPage(new { sent = true });
    }

    public sealed class ForgotPasswordInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";
    }
}
