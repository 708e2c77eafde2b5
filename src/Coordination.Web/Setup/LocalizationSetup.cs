using System.Globalization;
using Coordination.Infrastructure.Identity;
using Microsoft.AspNetCore.Localization;

namespace Coordination.Web.Setup;

/// <summary>English and Spanish: the language switch's cookie first, then the person's preferred language, then the browser's.</summary>
internal static class LocalizationSetup
{
    public static readonly string[] Cultures = ["en", "es"];

    public static IServiceCollection AddCoordinationLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture("en")
                .AddSupportedCultures(Cultures)
                .AddSupportedUICultures(Cultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context =>
                {
                    var language = context.User.FindFirst(CoordinationClaims.PreferredLanguage)?.Value;
                    return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
                }),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static CultureInfo Normalize(string? culture) =>
        CultureInfo.GetCultureInfo(Cultures.Contains(culture) ? culture! : "en");
}
