using Microsoft.Data.Sqlite;
using MuScore.Store;
using MuScore.Store.Audit;

namespace MuScore.Cli.Tests.Commands;

/// <summary>"muscore audit verify" on a real SQLite store holding a chain, intact and tampered with.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Verify_IntactChain_ExitsZeroPrintingEntriesHeadAndIntact()
    {
        var (file, entries) = await StoreWithChainAsync(5);

        var run = CliRun.Of("audit", "verify", "--store", "sqlite", "--connection-string", $"Data Source={file}").Expect(0);

        Assert.Equal(
            $"entries checked  5\nhead sequence    5\nhead hash        {entries[^1].Hash}\nchain intact\n",
            run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Verify_RowEditedWithPlainSql_ExitsFiveNamingTheEntryAndTheDamage()
    {
        var (file, _) = await StoreWithChainAsync(5);
        await ExecuteAsync(file, "UPDATE audit_log SET caller = 'mallory' WHERE sequence = 3");

        var run = CliRun.Of("audit", "verify", "--store", "sqlite", "--connection-string", $"Data Source={file}").Expect(5);

        Assert.Contains("entries checked  2\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("first bad entry  3\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("damage           edited\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("chain BROKEN: edited: entry 3", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("muscore audit verify: the audit chain is broken: edited: entry 3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LastEntryDeleted_ExitsFiveDeletedAtThatEntry()
    {
        var (file, _) = await StoreWithChainAsync(4);
        await ExecuteAsync(file, "DELETE FROM audit_log WHERE sequence = 4");

        var run = CliRun.Of("audit", "verify", "--store", "sqlite", "--connection-string", $"Data Source={file}").Expect(5);

        Assert.Contains("first bad entry  4\ndamage           deleted\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MissingSqliteFile_ExitsFourInOneLineAndCreatesNothing()
    {
        var file = temp.File("nowhere.db");

        var run = CliRun.Of("audit", "verify", "--store", "sqlite", "--connection-string", $"Data Source={file}").Expect(4);

        Assert.Equal($"muscore audit: no SQLite store at '{file}'\n", run.Error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Verify_UnreachablePostgres_ExitsFourInOneLine()
    {
        var run = CliRun.Of("audit", "verify", "--store", "postgres", "--connection-string", "Host=127.0.0.1;Port=1;Username=muscore;Database=muscore;Timeout=3").Expect(4);

        Assert.StartsWith("muscore audit: cannot read the audit log (Postgres): ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Verify_FileWithoutAuditTables_ExitsFour()
    {
        var file = temp.File("plain.db");
        await ExecuteAsync(file, "CREATE TABLE t (x INTEGER)");

        var run = CliRun.Of("audit", "verify", "--store", "sqlite", "--connection-string", $"Data Source={file}").Expect(4);

        Assert.Contains("audit_head", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit", "inspect")]
    [InlineData("audit", "verify", "extra", "--store", "sqlite", "--connection-string", "Data Source=x.db")]
    [InlineData("audit", "verify", "--connection-string", "Data Source=x.db")]
    [InlineData("audit", "verify", "--store", "sqlite")]
    [InlineData("audit", "verify", "--store", "mysql", "--connection-string", "x")]
    [InlineData("audit", "verify", "--server", "http://127.0.0.1:5080")]
    public void Audit_BadArguments_ExitTwoWithUsage(params string[] args)
    {
        var run = CliRun.Of(args).Expect(2);

        Assert.Contains("usage: muscore audit verify --store sqlite|postgres --connection-string TEXT", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_Help_ShowsTheVerifyActionAndItsExitCodes()
    {
        var run = CliRun.Of("audit", "--help").Expect(0);

        Assert.Contains("--connection-string TEXT", run.Out, StringComparison.Ordinal);
        Assert.Contains("5 broken", run.Out, StringComparison.Ordinal);
    }

    /// <summary>A SQLite store whose audit log holds <paramref name="count"/> entries; the store is closed again.</summary>
    private async Task<(string File, List<AuditEntry> Entries)> StoreWithChainAsync(int count)
    {
        var file = temp.File("muscore.db");
        var store = RatingStoreFactory.Create(new RatingStoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={file}" });
        await store.InitializeAsync(CancellationToken.None);
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= count; i++)
        {
            var record = new AuditRecord(AuditKinds.CallRefused, new DateTimeOffset(2026, 12, 6, 21, i, 0, TimeSpan.Zero), $"caller{i}", "331082", 2024, null, null, "not allowed", null);
            entries.Add(await RatingStoreFactory.AuditLogOf(store).AppendAsync(record, CancellationToken.None));
        }

        await ((IAsyncDisposable)store).DisposeAsync();
        return (file, entries);
    }

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
