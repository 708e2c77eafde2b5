using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Persistence;

public abstract class MigrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    [Fact]
    public async Task Model_AfterStartup_HasNoPendingChangesOrMigrations()
    {
        await app.WithDbAsync(async db =>
        {
            db.Database.HasPendingModelChanges().ShouldBeFalse(
                "the model changed without a migration: add one to both migrations projects (see README)");
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        });
    }

    [Fact]
    public async Task Roles_OnEveryDatabase_AreTheThreeOfTheProduct()
    {
        var roles = await app.WithDbAsync(db => db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        roles.ShouldBe(["FocalPoint", "Secretariat", "Viewer"]);
    }
}

public sealed class MigrationTestsOnSqlite(SqliteApp app) : MigrationTests<SqliteApp>(app);

public sealed class MigrationTestsOnPostgreSql(PostgreSqlApp app) : MigrationTests<PostgreSqlApp>(app);
