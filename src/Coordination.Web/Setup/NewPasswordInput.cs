using System.ComponentModel.DataAnnotations;

namespace Coordination.Web.Setup;

/// <summary>
/// A new password typed twice, as the change-password and reset-password forms ask for it: the rules and messages
/// are written once here. The field has the commands' name (<c>NewPassword</c>), so what the identity store refuses
/// (too short, contains the e-mail address…) comes back through <see cref="PageCommands.TrySendAsync"/> beside it.
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
}
