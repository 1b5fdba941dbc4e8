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
    public async Task SaveDraft_LargeRun_IsReadableAtOncePublishableAndKeptAfterReopening()
    {
        // The large-save path (no automatic checkpoint, a background one after the commit) with a small run.
        var store = (Store as MuScore.Store.Sqlite.SqliteRatingStore)!;
        store.LargeSaveFrom = 100;
        var ratings = Builders.TestRuns.Mixed(300);
        var draft = Builders.TestRuns.Draft("large", ratings);

        var publication = await PublishAsync(draft);
        var atOnce = await Store.GetRatingsAsync(publication, [ratings[0].CreditCode, ratings[299].CreditCode], None);
        await ((IAsyncDisposable)Store).DisposeAsync();
        var reopened = await OpenAsync();
        var afterReopening = await reopened.GetRatingsAsync(publication, [.. ratings.Select(r => r.CreditCode)], None);

        Assert.Equal(2, atOnce.Count);
        Assert.Equal(300, afterReopening.Count);
        Builders.RatingAssert.Identical(ratings[157], afterReopening[ratings[157].CreditCode]);
        Assert.Equal(publication, await reopened.GetLatestPublicationAsync(Builders.TestRuns.Region, null, None));
    }

    [Fact]
    public async Task Initialize_NewFile_Uses16KiBPages()
    {
        Assert.Equal(16_384L, await PageSizeAsync(Options().ConnectionString!));
    }

    [Fact]
    public async Task Initialize_FileOfAnEarlierBuild_KeepsItsPageSizeAndStoresRuns()
    {
        // A database an earlier build created: SQLite's default 4 KiB pages, already in WAL mode.
        var older = $"Data Source={Path.Combine(directory.FullName, "older.db")}";
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(older))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE earlier (x INTEGER)";
            await command.ExecuteNonQueryAsync();
        }

        var store = RatingStoreFactory.Create(new RatingStoreOptions { ConnectionString = older });
        await using (store as IAsyncDisposable)
        {
            await store.InitializeAsync(None);
            var ratings = Builders.TestRuns.Mixed(300);
            var draft = Builders.TestRuns.Draft("older", ratings);
            await store.SaveDraftAsync(draft, None);
            var published = await store.PublishAsync(Request(draft.RunId), None);
            var read = await store.GetRatingsAsync(published.Publication!, [.. ratings.Select(r => r.CreditCode)], None);

            Assert.Equal(300, read.Count);
            Builders.RatingAssert.Identical(ratings[42], read[ratings[42].CreditCode]);
        }

        Assert.Equal(4_096L, await PageSizeAsync(older));
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

    private static async Task<long> PageSizeAsync(string connectionString)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
