using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Outbox;

/// <summary>
/// The real app with its demo data, a recording mail transport and a clock the test moves. The public address is
/// configured with a trailing slash, so the links prove they are joined without a double one.
/// </summary>
public abstract class OutboxApp(DatabaseKind kind)
    : TestHost<FakeEmailTransport>(kind, demoData: true, new Dictionary<string, string> { ["Coordination:PublicBaseUrl"] = PublicBaseUrl + "/" });

public sealed class SqliteOutboxApp() : OutboxApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlOutboxApp() : OutboxApp(DatabaseKind.PostgreSql);
