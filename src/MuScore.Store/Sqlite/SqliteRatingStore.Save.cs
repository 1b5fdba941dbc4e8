using Microsoft.Data.Sqlite;
using MuScore.Store.Payload;
using MuScore.Store.Sql;

namespace MuScore.Store.Sqlite;

internal sealed partial class SqliteRatingStore
{
    private const string InsertRun =
        $"INSERT INTO runs ({RunRows.RunColumns}, rejected) VALUES " +
        "(@run, @region, @year, @scheme_id, @scheme_version, @scheme_hash, @input_hash, @created_at, " +
        "@record_count, @rated_count, @excluded_count, @rejected_count, @pools, @submitted_by, @rejected) RETURNING run_key";

    /// <summary>
    /// Ratings from which a save is large: its commit leaves the WAL checkpoint to a background
    /// task (<see cref="CheckpointLater"/>) instead of copying the whole run into the database file
    /// before the call returns. Settable so that tests reach the large path with a small run.
    /// </summary>
    internal int LargeSaveFrom { get; set; } = 100_000;

    /// <inheritdoc/>
    /// <remarks>
    /// One transaction; one prepared insert reused for every rating, in listing order, with the
    /// payloads encoded on every core one chunk ahead; the connection's page cache
    /// is 64 MiB during the save (2 MiB, SQLite's default, otherwise). A large save commits with
    /// synchronous=NORMAL and no automatic checkpoint: the run is in the WAL, not yet synced, and
    /// becomes durable with the next synced commit (a publish's, FULL) or the background
    /// checkpoint, whichever comes first (docs/storage.md, "Large saves").
    /// </remarks>
    public override async Task<RunInfo> SaveDraftAsync(DraftRun draft, CancellationToken cancellationToken)
    {
        CheckSubmitter(draft);
        var (rated, excluded) = RunRows.Count(draft);
        var large = draft.Ratings.Count >= LargeSaveFrom;
        RunInfo saved;
        await using (var connection = await OpenSqliteAsync(cancellationToken).ConfigureAwait(false))
        {
            await PragmaAsync(connection, large ? "cache_size = -65536; PRAGMA wal_autocheckpoint = 0" : "cache_size = -65536", cancellationToken).ConfigureAwait(false);
            try
            {
                saved = await SaveAsync(connection, draft, rated, excluded, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await PragmaAsync(connection, "cache_size = -2000", CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (large)
        {
            CheckpointLater();
        }

        return saved;
    }

    private async Task<RunInfo> SaveAsync(SqliteConnection connection, DraftRun draft, int rated, int excluded, CancellationToken cancellationToken)
    {
        var saved = RunRows.FromDraft(draft, rated, excluded);
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
            await using (var exists = Command(connection, transaction, "SELECT 1 FROM runs WHERE run_id = @run", ("@run", draft.RunId)))
            {
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return await ResubmittedAsync(draft, cancellationToken).ConfigureAwait(false);
                }
            }

            long runKey;
            await using (var insertRun = Command(
                connection,
                transaction,
                InsertRun,
                RunRows.InsertParameters(draft, rated, excluded)))
            {
                runKey = (long)(await insertRun.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            await InsertRatingsAsync(connection, runKey, draft.Ratings, cancellationToken).ConfigureAwait(false);
            await AppendInAsync(connection, transaction, Submitted(draft, saved, alreadyStored: false), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    private static async Task InsertRatingsAsync(SqliteConnection connection, long runKey, IReadOnlyList<StoredRating> ratings, CancellationToken cancellationToken)
    {
        // One row per statement, bound through SQLite's own API (RatingInsert says why); a
        // multi-row VALUES list was tried and was slower (docs/benchmarks.md).
        using var insert = new RatingInsert(connection, runKey);
        await foreach (var chunk in EncodedPayloads.Chunks(ratings, InsertionOrder.Of(ratings), keyTexts: true, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                insert.Insert(chunk, i);
            }
        }
    }

    /// <summary>Runs "PRAGMA <paramref name="pragmas"/>": one of this file's constants, never input.</summary>
    private static async Task PragmaAsync(SqliteConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, "PRAGMA " + pragmas);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
