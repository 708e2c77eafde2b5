using Microsoft.AspNetCore.Identity;

namespace Coordination.Infrastructure.Identity;

/// <summary>
/// Length over composition (12+ characters, no forced symbols), but refuses passwords that appear in every
/// attacker's first list, and passwords that are the person's own e-mail address.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "1234567890abc", "111111111111", "000000000000",
        "password1234", "password12345", "password123!", "passwordpassword", "qwertyuiopas", "qwerty123456",
        "qwertyuiop12", "1q2w3e4r5t6y", "iloveyou1234", "letmein12345", "welcome12345", "administrator",
        "contraseña123", "contrasena123", "contraseña1234", "contrasena1234", "abcdefghijkl", "abc123456789",
        "changeme1234", "trustno1trustno1", "football1234", "baseball1234", "superman1234", "aaaaaaaaaaaa",
        "asdfghjklñ12", "asdfghjkl123", "zxcvbnm12345", "mexico123456", "guatemala123", "honduras1234",
        "nicaragua123", "panama123456", "costarica123", "elsalvador12", "republicadominicana", "migracion123",
        "migration123", "coordination", "coordination1", "coordinacion1",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (password is null)
            return Task.FromResult(IdentityResult.Success);
        if (Common.Contains(password) || password.Distinct().Count() <= 2)
            return Failed("CommonPassword", "This password is too easy to guess. Choose a longer phrase of your own.");
        if (user.Email is { } email && password.Contains(email, StringComparison.OrdinalIgnoreCase))
            return Failed("PasswordContainsEmail", "The password must not contain your e-mail address.");
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
