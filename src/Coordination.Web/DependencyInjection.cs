using System.Text.Json.Serialization;
using Coordination.Application.Common.Behaviors;
using Coordination.Web.Setup;
using Microsoft.AspNetCore.HttpOverrides;

namespace Coordination.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Behaviours in order, outermost first: log → validate → authorize → one transaction.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(UnitOfWorkBehavior<,>),
            ];
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddCoordinationAuthentication(environment);
        services.AddCoordinationLocalization();
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToFolder("/Account");
                options.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = environment.IsDevelopment() ? "coordination.af" : "__Host-coordination.af";
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Coordination API";
            document.Info.Description = "Forums, conclusions, action points, assignments, progress updates, reviews and reports.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks();

        if (configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
        {
            // Behind the compose file's reverse proxy, on a network whose addresses are not known in advance.
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            });
        }

        return services;
    }
}
