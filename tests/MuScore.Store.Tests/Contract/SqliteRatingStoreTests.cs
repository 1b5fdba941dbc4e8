namespace MuScore.Store.Tests.Contract;

/// <summary>The store contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteRatingStoreTests : RatingStoreContract
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("muscore-store-");

    protected override RatingStoreOptions Options() =>
        new() { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(directory.FullName, "muscore.db")}" };

    protected override Task PrepareDatabaseAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(Options().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Initialize_NewFile_UsesWriteAheadLogging()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(Options().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
