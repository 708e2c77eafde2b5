using Coordination.Application.Notifications;
using Coordination.Infrastructure.Persistence;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Outbox;

/// <summary>The scoped outbox: a deduplication key holds within the unit of work of its scope and against saved rows.</summary>
public abstract class MailOutboxTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : OutboxApp
{
    private static readonly MailContent Mail = new("Subject", "<p>Body</p>", "Body");

    [Fact]
    public async Task MailOutbox_KeyAddedInThisScope_CountsBeforeTheSaveAfterItAndInTheNextScope()
    {
        var key = NewKey();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (outbox, db) = Resolve(scope);
            (await outbox.ExistingKeysAsync([key], default)).ShouldBeEmpty();

            (await outbox.AddOnceAsync(MailKinds.Accepted, key, Recipient(), Mail, DateTime.UtcNow, default)).ShouldBeTrue();
            (await outbox.AddOnceAsync(MailKinds.Accepted, key, Recipient(), Mail, DateTime.UtcNow, default)).ShouldBeFalse();
            (await outbox.ExistingKeysAsync([key, NewKey()], default)).ShouldBe([key]);
            await db.SaveChangesAsync();
            (await outbox.ExistingKeysAsync([key], default)).ShouldBe([key]);
        }

        await using (var next = app.Services.CreateAsyncScope())
        {
            var (outbox, db) = Resolve(next);
            (await outbox.AddOnceAsync(MailKinds.Accepted, key, Recipient(), Mail, DateTime.UtcNow, default)).ShouldBeFalse();
            await db.SaveChangesAsync();
        }

        (await RowsAsync(key)).ShouldBe(1);
    }

    [Fact]
    public async Task MailOutbox_MailAddedUnsavedInAnotherScope_IsNotSeenAndGoesWithIt()
    {
        var key = NewKey();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var (firstOutbox, _) = Resolve(first);
        var (secondOutbox, _) = Resolve(second);

        firstOutbox.Add(MailKinds.Accepted, key, Recipient(), Mail, DateTime.UtcNow);

        (await secondOutbox.ExistingKeysAsync([key], default)).ShouldBeEmpty();
        (await firstOutbox.ExistingKeysAsync([key], default)).ShouldBe([key]);
        await first.DisposeAsync();
        (await RowsAsync(key)).ShouldBe(0);
    }

    [Fact]
    public async Task MailOutbox_MailDetachedUnsaved_NoLongerCountsAndCanBeAddedAgain()
    {
        var key = NewKey();
        await using var scope = app.Services.CreateAsyncScope();
        var (outbox, db) = Resolve(scope);
        outbox.Add(MailKinds.Accepted, key, Recipient(), Mail, DateTime.UtcNow);

        db.ChangeTracker.Clear();

        (await outbox.ExistingKeysAsync([key], default)).ShouldBeEmpty();
        (await outbox.AddOnceAsync(MailKinds.Accepted, key, Recipient(), Mail, DateTime.UtcNow, default)).ShouldBeTrue();
        await db.SaveChangesAsync();
        (await RowsAsync(key)).ShouldBe(1);
    }

    [Fact]
    public async Task MailOutbox_IsOnePerScope()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var other = app.Services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<MailOutbox>().ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<MailOutbox>());
        scope.ServiceProvider.GetRequiredService<MailOutbox>().ShouldNotBeSameAs(other.ServiceProvider.GetRequiredService<MailOutbox>());
    }

    private static (MailOutbox Outbox, CoordinationDbContext Db) Resolve(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<MailOutbox>(), scope.ServiceProvider.GetRequiredService<CoordinationDbContext>());

    private static MailRecipient Recipient() =>
        new(Guid.NewGuid(), $"outbox.{Guid.NewGuid():N}@test.example.org", "Outbox Test", Guid.NewGuid(), "en", IsActive: true, ReceivesDigest: true);

    private static string NewKey() => $"test:{Guid.NewGuid():N}";

    private Task<int> RowsAsync(string key) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.DeduplicationKey == key));
}

public sealed class MailOutboxTestsOnSqlite(SqliteOutboxApp app) : MailOutboxTests<SqliteOutboxApp>(app);

public sealed class MailOutboxTestsOnPostgreSql(PostgreSqlOutboxApp app) : MailOutboxTests<PostgreSqlOutboxApp>(app);
