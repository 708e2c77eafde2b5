using Microsoft.AspNetCore.Localization;

namespace Coordination.Web.Setup;

internal static class LanguageSwitch
{
    /// <summary>The language switch in the top bar posts here; a cookie remembers the choice for a year.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/language", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var chosen = LocalizationSetup.Normalize(culture);
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
                var local = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal);
                return Results.LocalRedirect(local ? returnUrl! : "/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
