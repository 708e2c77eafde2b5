using Coordination.Web.Api;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Coordination.Web.Setup;

internal static class Pipeline
{
    public static WebApplication UseCoordinationPipeline(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
            app.UseForwardedHeaders();

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = exception => ProblemDetailsExceptionHandler.Map(exception).Status ?? StatusCodes.Status500InternalServerError,
        });
        // Empty 4xx answers become problem details for API callers and a friendly page for people.
        app.UseWhen(IsMachineFacing, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsMachineFacing(context), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));

        app.UseCoordinationSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();

        app.UseRouting();
        app.UseAuthentication();
        app.UseRequestLocalization();
        app.UseAuthorization();
        app.UseAntiforgery();

        // The build's static-asset manifest: gzip/brotli copies made at publish, ETags, and no file system probing.
        app.MapStaticAssets();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options
                .WithTitle("Coordination API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        app.MapHangfireDashboardWithAuthorizationPolicy(
            AuthenticationSetup.SecretariatPolicy, "/jobs",
            new DashboardOptions { DashboardTitle = "Coordination jobs", AppPath = "/", Authorization = [], DisplayStorageConnectionString = false });
        app.MapCoordinationApi();
        app.MapLanguageSwitch();
        app.MapRazorPages();
        return app;
    }

    public static bool IsMachineFacing(HttpContext context) => IsMachineFacing(context.Request.Path);

    public static bool IsMachineFacing(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");
}
