using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coordination.Web.Setup;

/// <summary>
/// A new password typed twice, as the change-password, reset-password and accept-invitation forms ask for it: the
/// rules and messages are written once here. The field has the commands' name (<c>NewPassword</c>), so what the
/// identity store refuses (too short, contains the e-mail address…) comes back through
/// <see cref="PageCommands.TrySendAsync"/> beside it; a command that names it otherwise moves its errors with
/// <see cref="ShowBesideNewPassword"/>.
/// </summary>
public abstract class NewPasswordInput
{
    [Required(ErrorMessage = "Choose a new password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter the new password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
    [Display(Name = "New password, again")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Moves the errors a command gave its own password field (<paramref name="field"/>) beside <c>Input.NewPassword</c>.</summary>
    public static void ShowBesideNewPassword(ModelStateDictionary modelState, string field)
    {
        if (!modelState.TryGetValue(field, out var entry))
            return;
        foreach (var error in entry.Errors.ToList())
            modelState.AddModelError($"Input.{nameof(NewPassword)}", error.ErrorMessage);
        modelState.Remove(field);
    }
}
