using MuScore.TestSupport.Postgres;
using Npgsql;

namespace MuScore.Store.Tests.Migration;

/// <summary>The migration on a real PostgreSQL server, one fresh database per test.</summary>
public sealed class PostgresSchemaMigrationTests(PostgresServer postgres) : SchemaMigrationContract, IClassFixture<PostgresServer>
{
    private string connectionString = string.Empty;

    protected override string V1Ddl => V1Schema.Postgres;

    protected override string V2Ddl => V2Schema.Postgres;

    public override async Task InitializeAsync() =>
        connectionString = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("migrate"));

    protected override RatingStoreOptions Options() => new() { Provider = StoreProvider.Postgres, ConnectionString = connectionString };

    // The server and every database in it are deleted with the fixture.
    protected override Task DropDatabaseAsync() => Task.CompletedTask;

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<List<long>> VersionsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_version ORDER BY version", connection);
        var versions = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
