using MuScore.TestSupport.Postgres;

namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>
/// One PostgreSQL server for the audit classes that need one (each test makes its own database):
/// a cluster costs seconds to create on a shared two-core machine, and these classes run in turn.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AuditPostgres : ICollectionFixture<PostgresServer>
{
    public const string Name = "audit-postgres";
}
