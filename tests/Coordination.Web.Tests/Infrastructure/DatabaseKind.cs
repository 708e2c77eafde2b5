namespace Coordination.Web.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}
