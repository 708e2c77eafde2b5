using Coordination.Application.Common.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Setup;

/// <summary>
/// Pages sign in with a cookie; the API with bearer tokens (<c>/api/auth/login</c>). Requests under <c>/api</c>
/// are authenticated by the bearer scheme only, so an API caller never gets a redirect to a sign-in page.
/// </summary>
internal static class AuthenticationSetup
{
    public const string Smart = "Coordination";
    public const string SecretariatPolicy = "Secretariat";

    public static IServiceCollection AddCoordinationAuthentication(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Smart;
                options.DefaultAuthenticateScheme = Smart;
                options.DefaultChallengeScheme = Smart;
                options.DefaultForbidScheme = Smart;
            })
            .AddPolicyScheme(Smart, Smart, options => options.ForwardDefaultSelector = context =>
                IsApi(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(1);
                options.RefreshTokenExpiration = TimeSpan.FromDays(14);
            });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = environment.IsDevelopment() ? "coordination.auth" : "__Host-coordination.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            // A signed-in person without the right role gets a 403 page at the address they asked for, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // A deactivated account or a changed password ends cookie sessions within a minute, not Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(SecretariatPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Secretariat));
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
