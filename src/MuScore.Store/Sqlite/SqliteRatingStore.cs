using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MuScore.Store.Sql;

namespace MuScore.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), one pooled
/// connection per operation, writes serialised by <c>BEGIN IMMEDIATE</c>. Bulk saves run with
/// synchronous=NORMAL; a publish commits with synchronous=FULL, which also makes every draft
/// before it durable (the WAL is synced up to that commit).
/// </summary>
internal sealed partial class SqliteRatingStore(string connectionString) : SqlRatingStore
{
    // busy_timeout: a writer waits up to 30 s for another writer's lock (a million-row save holds it for seconds).
    // wal_autocheckpoint: SQLite's default, back on a pooled connection that a large save turned it off on.
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 1000;";

    /// <summary>
    /// The page size of a database this store creates: 16 KiB rather than SQLite's 4 KiB, because a
    /// million-rating save then spends about a seventh less CPU (a quarter of the pages to find,
    /// dirty and write to the WAL, shallower trees), for about 1.2 µs more CPU a code looked up
    /// (a larger page copied per probe) and listings as fast (docs/benchmarks.md, "The SQLite
    /// save and the draft (session 7)").
    /// </summary>
    internal const int PageSize = 16_384;

    private readonly Lock checkpointLock = new();
    private Task checkpoint = Task.CompletedTask;

    /// <inheritdoc/>
    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);

        // The page size only takes on a new, empty file, and must come before WAL (which fixes it);
        // an existing file keeps its own. WAL is a property of the file: set once, every later
        // connection uses it. Neither can change inside a transaction.
        await using (var wal = Command(connection, null, string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL")))
        {
            await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        // BEGIN IMMEDIATE: a second instance initialising the same file waits, then finds the schema current.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await MigrateAsync(connection, transaction, SqliteSchema.Script, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        // A background checkpoint still running finishes first (its failure is not this call's).
        Task pending;
        lock (checkpointLock)
        {
            pending = checkpoint;
        }

        await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        // Pooled connections keep the file open; release this store's pool.
        await using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// Copies the WAL into the database file on a background task after a large save, so the
    /// caller does not wait for it (a million ratings are half a GB, written and synced twice).
    /// PASSIVE: it never blocks readers or writers, and a checkpoint that finds another running
    /// (a publish's automatic one) simply skips, so only one runs at a time. A failed checkpoint
    /// loses nothing: the WAL still holds every frame, and the next checkpoint copies them.
    /// </summary>
    private void CheckpointLater()
    {
        lock (checkpointLock)
        {
            checkpoint = checkpoint.ContinueWith(
                _ => CheckpointAsync(),
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default).Unwrap();
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await OpenSqliteAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = Command(connection, null, "PRAGMA wal_checkpoint(PASSIVE)");
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // Left to the next checkpoint (see above).
        }
    }

    /// <inheritdoc/>
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <inheritdoc/>
    protected override void AddList(DbCommand command, string parameter, IReadOnlyCollection<string> values)
    {
        // One JSON array parameter instead of one parameter per value: one statement shape for any count.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        Add(command, parameter, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginPublishAsync(DbConnection connection, string region, int year, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the file's write lock: one publish at a time, whatever the region.
        await using (var durable = Command(connection, null, "PRAGMA synchronous = FULL"))
        {
            await durable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    /// <inheritdoc/>
    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <inheritdoc/>
    /// <remarks>Every SQLite write transaction is BEGIN IMMEDIATE: it already holds the file's only write lock.</remarks>
    protected override Task LockAuditAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <inheritdoc/>
    /// <remarks>A deferred transaction takes its WAL snapshot at the first read and keeps it to the end.</remarks>
    protected override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    private async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per connection, and reset on every open because a pooled connection may come back from a publish (FULL).
            await using var pragmas = Command(connection, null, ConnectionPragmas);
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
