using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Infrastructure;

/// <summary>
/// The real app (its Program, migrations, pipeline and demo data) on a database of its own, served in memory.
/// Settings go in as host settings so Program sees them while it registers services.
/// </summary>
public class CoordinationApp(DatabaseKind kind, bool demoData = true, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseKind Kind { get; } = kind;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The test database is not created yet.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Kind);
        _ = Server; // start the host: migrations and demo data run now, not in the first test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Coordination:DataDirectory", Database.DataDirectory);
        builder.UseSetting("Coordination:DemoData", demoData ? "true" : "false");
        builder.UseSetting("Database:Provider", Kind.ToString());
        builder.UseSetting("ConnectionStrings:Coordination", Database.ConnectionString ?? "");
        builder.UseSetting("Hangfire:ServerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }

    /// <summary>A client over HTTPS (the cookies are <c>__Host-</c> and secure) that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    public HttpClient CreateApiClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<CoordinationDbContext, Task> action) =>
        WithScopeAsync<object?>(async services =>
        {
            await action(services.GetRequiredService<CoordinationDbContext>());
            return null;
        });

    public Task<T> WithDbAsync<T>(Func<CoordinationDbContext, Task<T>> action) =>
        WithScopeAsync(services => action(services.GetRequiredService<CoordinationDbContext>()));

    /// <summary>A person of its own for a test, so lockouts or password changes never leak into other tests.</summary>
    public Task<ApplicationUser> CreatePersonAsync(string role, Guid organizationId, string password = TestPeople.Password) =>
        WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.example.org";
            var user = ApplicationUser.Create(email, $"Test {role}", organizationId, "en", DateTime.UtcNow);
            (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            return user;
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_database is not null)
            await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

public sealed class SqliteApp() : CoordinationApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlApp() : CoordinationApp(DatabaseKind.PostgreSql);

public sealed class PostgreSqlAppWithoutDemoData() : CoordinationApp(DatabaseKind.PostgreSql, demoData: false);

public sealed class SqliteAppWithoutDemoData() : CoordinationApp(DatabaseKind.Sqlite, demoData: false);
