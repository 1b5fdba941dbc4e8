using Microsoft.Data.Sqlite;

namespace MuScore.Store.Tests.Migration;

/// <summary>The migration on a SQLite file in a temporary directory.</summary>
public sealed class SqliteSchemaMigrationTests : SchemaMigrationContract
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("muscore-migrate-");

    protected override string V1Ddl => V1Schema.Sqlite;

    protected override string V2Ddl => V2Schema.Sqlite;

    public override Task InitializeAsync() => Task.CompletedTask;

    protected override RatingStoreOptions Options() =>
        new() { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(directory.FullName, "muscore.db")}" };

    protected override Task DropDatabaseAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(Options().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<List<long>> VersionsAsync()
    {
        await using var connection = new SqliteConnection(Options().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        var versions = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }
}
