namespace Coordination.Web.Setup;

/// <summary>
/// A Content-Security-Policy without inline script for the product's own pages; the Hangfire dashboard and the
/// Scalar API reference ship inline script, so they get a looser policy of their own.
/// </summary>
internal static class SecurityHeadersSetup
{
    public static IApplicationBuilder UseCoordinationSecurityHeaders(this IApplicationBuilder app)
    {
        var strict = new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
            });
        var tooling = new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().UnsafeInline().UnsafeEval();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddFrameAncestors().None();
                csp.AddObjectSrc().None();
            });

        app.UseWhen(IsTooling, branch => branch.UseSecurityHeaders(tooling));
        app.UseWhen(context => !IsTooling(context), branch => branch.UseSecurityHeaders(strict));
        return app;
    }

    private static bool IsTooling(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/jobs") || context.Request.Path.StartsWithSegments("/api/docs");
}
