using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.People;
using Coordination.Infrastructure.Email;
using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Jobs;
using Coordination.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Coordination.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CoordinationOptions>(configuration.GetSection(CoordinationOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<SendGridOptions>(configuration.GetSection(SendGridOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        var coordination = configuration.GetSection(CoordinationOptions.Section).Get<CoordinationOptions>() ?? new CoordinationOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseSetup.ResolveConnectionString(configuration, database, coordination);

        services.AddCoordinationDatabase(database, connectionString);
        services.AddCoordinationIdentity();
        services.AddEmail(configuration);
        services.AddCoordinationJobs(configuration, database, connectionString);
        return services;
    }

    private static void AddCoordinationIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // A request's person, or the system when a job switched its scope (SystemActor.Activate).
        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<SystemActor>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IAccounts, IdentityAccounts>();
        services.AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, already checked as one; Identity's default character list would
                // refuse real addresses such as o'brien@example.org only when the invitation is accepted.
                options.User.AllowedUserNameCharacters = "";
                options.SignIn.RequireConfirmedAccount = false;
                // Length, not composition: 12+ characters; common passwords are refused by their own validator.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<CoordinationDbContext>()
            .AddSignInManager<CoordinationSignInManager>()
            .AddClaimsPrincipalFactory<CoordinationClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        services.AddDataProtection()
            .SetApplicationName("Coordination")
            .PersistKeysToDbContext<CoordinationDbContext>();
    }

    private static void AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPublicBaseUrl, PublicBaseUrl>();
        var sendGrid = configuration.GetSection(SendGridOptions.Section).Get<SendGridOptions>() ?? new SendGridOptions();
        if (string.IsNullOrWhiteSpace(sendGrid.ApiKey))
        {
            services.AddSingleton<IEmailTransport, PickupFolderEmailTransport>();
            return;
        }

        services.AddSingleton<ISendGridClient>(_ => new SendGridClient(new SendGridClientOptions
        {
            ApiKey = sendGrid.ApiKey,
            Host = string.IsNullOrWhiteSpace(sendGrid.Host) ? "https://api.sendgrid.com" : sendGrid.Host.TrimEnd('/'),
        }));
        services.AddSingleton<IEmailTransport, SendGridEmailTransport>();
    }
}
