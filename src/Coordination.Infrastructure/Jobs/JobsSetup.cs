using Coordination.Application.Notifications;
using Coordination.Infrastructure.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Infrastructure.Jobs;

internal static class JobsSetup
{
    public static IServiceCollection AddCoordinationJobs(
        this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string connectionString)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var storage = options.Storage
            ?? (database.Provider == DatabaseProvider.PostgreSql ? JobStorageKind.PostgreSql : JobStorageKind.InMemory);

        // One storage object per host, handed to Hangfire explicitly: the static JobStorage.Current would be
        // shared by every host in a process (parallel test hosts, two providers in one test run).
        services.AddSingleton<JobStorage>(_ =>
        {
            if (storage == JobStorageKind.InMemory)
                return new InMemoryStorage();
            var postgreSql = PostgreSqlStorageOptions;
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, postgreSql), postgreSql);
        });
        // Likewise the job activator: Hangfire's default is the static JobActivator.Current, which with several hosts
        // would open job scopes in whichever host configured Hangfire last. Registered first, so AddHangfire keeps it.
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        services.AddScoped<IOutboxDispatchTrigger, HangfireOutboxDispatchTrigger>();
        services.AddScoped<Application.Imports.Runs.IImportRunTrigger, HangfireImportRunTrigger>();
        if (options.ServerEnabled)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = Math.Max(1, options.WorkerCount);
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
            // Declared only where jobs run: a host without a server (the tests, a web-only instance) leaves them alone.
            services.AddHostedService<RecurringJobsRegistration>();
        }

        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    private static PostgreSqlStorageOptions PostgreSqlStorageOptions => new()
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,
        UseSlidingInvisibilityTimeout = true,
        AllowDegradedModeWithoutStorage = false,
    };
}
