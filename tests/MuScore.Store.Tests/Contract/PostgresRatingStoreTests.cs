using MuScore.TestSupport.Postgres;

namespace MuScore.Store.Tests.Contract;

/// <summary>The store contract on a real PostgreSQL server, one fresh database per test.</summary>
public sealed class PostgresRatingStoreTests(PostgresServer postgres) : RatingStoreContract, IClassFixture<PostgresServer>
{
    private string connectionString = string.Empty;

    protected override RatingStoreOptions Options() => new() { Provider = StoreProvider.Postgres, ConnectionString = connectionString };

    protected override async Task PrepareDatabaseAsync() =>
        connectionString = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("store"));

    // The server and every database in it are deleted with the fixture.
    protected override Task DropDatabaseAsync() => Task.CompletedTask;

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
