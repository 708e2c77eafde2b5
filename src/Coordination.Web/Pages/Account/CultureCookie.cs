using Microsoft.AspNetCore.Localization;

namespace Coordination.Web.Pages.Account;

/// <summary>
/// The language switch's cookie wins over the person's preferred language, so choosing a language in the profile (or
/// when accepting an invitation) writes it too: the pages switch at once.
/// </summary>
internal static class CultureCookie
{
    public static void Set(HttpResponse response, string language) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Setup.LocalizationSetup.Normalize(language))),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
            });
}
