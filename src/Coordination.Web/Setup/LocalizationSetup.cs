using System.Globalization;
using Coordination.Infrastructure.Identity;
using Microsoft.AspNetCore.Localization;

namespace Coordination.Web.Setup;

/// <summary>
/// English and Spanish: the language switch's cookie first, then the person's preferred language, then the browser's;
/// an API caller's Accept-Language before the person's preferred language.
/// </summary>
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
                    // A tool calling the API sends Accept-Language only to choose (in a language we have); a browser
                    // sends it always, so on pages the person's own choice comes first.
                    if (Pipeline.IsMachineFacing(context) && AsksForOneOfOurs(context.Request))
                        return Task.FromResult<ProviderCultureResult?>(null);
                    var language = context.User.FindFirst(CoordinationClaims.PreferredLanguage)?.Value;
                    return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
                }),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    private static bool AsksForOneOfOurs(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.Any(asked => Cultures.Any(ours =>
            asked.Value.Equals(ours, StringComparison.OrdinalIgnoreCase)
            || asked.Value.StartsWith(ours + "-", StringComparison.OrdinalIgnoreCase)));

    public static CultureInfo Normalize(string? culture) =>
        CultureInfo.GetCultureInfo(Cultures.Contains(culture) ? culture! : "en");
}
