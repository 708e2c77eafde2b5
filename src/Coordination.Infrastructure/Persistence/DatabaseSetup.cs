using Coordination.Application.Common.Abstractions;
using Coordination.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Infrastructure.Persistence;

internal static class DatabaseSetup
{
    public const string ConnectionStringName = "Coordination";

    /// <summary>The provider named by <c>Database:Provider</c>, with the migrations assembly made for it.</summary>
    public static IServiceCollection AddCoordinationDatabase(
        this IServiceCollection services, DatabaseOptions database, string connectionString)
    {
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditingInterceptor>();
        services.AddSingleton<VersioningInterceptor>();
        services.AddScoped<DomainEventsInterceptor>();
        services.AddDbContext<CoordinationDbContext>((provider, options) =>
        {
            _ = database.Provider switch
            {
                DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString,
                    npgsql => npgsql.MigrationsAssembly("Coordination.Migrations.PostgreSql")),
                _ => options.UseSqlite(connectionString,
                    sqlite => sqlite.MigrationsAssembly("Coordination.Migrations.Sqlite")),
            };
            // Events first (their handlers add rows), then versions, then the audit of the final state.
            options.AddInterceptors(
                provider.GetRequiredService<DomainEventsInterceptor>(),
                provider.GetRequiredService<VersioningInterceptor>(),
                provider.GetRequiredService<AuditingInterceptor>());
        });
        services.AddScoped<ICoordinationDbContext>(provider => provider.GetRequiredService<CoordinationDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddHealthChecks().AddDbContextCheck<CoordinationDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// <c>ConnectionStrings:Coordination</c>; on SQLite it defaults to <c>coordination.db</c> in the data directory,
    /// which is created when missing.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, DatabaseOptions database, CoordinationOptions coordination)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        if (database.Provider == DatabaseProvider.PostgreSql)
            throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:Coordination is not set.");

        Directory.CreateDirectory(coordination.DataDirectoryFullPath);
        return $"Data Source={Path.Combine(coordination.DataDirectoryFullPath, "coordination.db")}";
    }
}
