using System.ComponentModel.DataAnnotations;
using Coordination.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Api;

/// <summary>
/// Bearer tokens for partners' tools, in the shape of ASP.NET Core Identity's API endpoints. Written by hand
/// because <c>MapIdentityApi</c> always maps open self-registration, and people here arrive by invitation.
/// </summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();
        auth.MapPost("/login", LoginAsync)
            .WithSummary("Exchange an e-mail address and password for a bearer token and a refresh token.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", RefreshAsync)
            .WithSummary("Exchange a refresh token for a new bearer token.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    public sealed record LoginRequest([Required] string Email, [Required] string Password);

    public sealed record RefreshRequest([Required] string RefreshToken);

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInManager<ApplicationUser> signInManager, IStringLocalizer<SharedResource> t)
    {
        // In the caller's language (Accept-Language), like every refused input of the API.
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
            errors["email"] = [t["The e-mail address is required."]];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = [t["The password is required."]];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: t["The input is not valid."]);

        // The bearer scheme writes the token response itself when sign-in succeeds.
        signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signInManager.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return TypedResults.Empty;

        return TypedResults.Problem(
            title: result.IsLockedOut
                ? t["This account is locked after too many failed sign-ins. Try again in 15 minutes."]
                : result.RequiresTwoFactor
                    ? t["This account uses two-factor authentication: sign in on the website."]
                    : t["The e-mail address or password is not correct."],
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<AccessTokenResponse>, UnauthorizedHttpResult, SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request,
        SignInManager<ApplicationUser> signInManager,
        IOptionsMonitor<BearerTokenOptions> bearerTokenOptions,
        TimeProvider clock)
    {
        var protector = bearerTokenOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);

        // Expired, forged, or issued before a password change or deactivation: sign in again.
        if (ticket?.Properties.ExpiresUtc is not { } expiresUtc
            || clock.GetUtcNow() >= expiresUtc
            || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || !await signInManager.CanSignInAsync(user))
        {
            return TypedResults.Challenge();
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
