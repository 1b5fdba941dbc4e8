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

    private const string InsertRating =
        "INSERT INTO ratings (run_key, credit_code, status, pool, class, industry, rank, payload) " +
        "VALUES (@run_key, @credit_code, @status, @pool, @class, @industry, @rank, @payload)";

    /// <inheritdoc/>
    /// <remarks>
    /// One transaction and one prepared insert reused for every rating, in listing order; the
    /// connection's page cache is 64 MiB during the save (2 MiB, SQLite's default, otherwise).
    /// </remarks>
    public override async Task<RunInfo> SaveDraftAsync(DraftRun draft, CancellationToken cancellationToken)
    {
        CheckSubmitter(draft);
        var (rated, excluded) = RunRows.Count(draft);
        await using var connection = await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);
        await SetCacheAsync(connection, "-65536", cancellationToken).ConfigureAwait(false);
        try
        {
            return await SaveAsync(connection, draft, rated, excluded, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await SetCacheAsync(connection, "-2000", CancellationToken.None).ConfigureAwait(false);
        }
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

            await InsertRatingsAsync(connection, transaction, runKey, draft.Ratings, cancellationToken).ConfigureAwait(false);
            await AppendInAsync(connection, transaction, Submitted(draft, saved, alreadyStored: false), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    private static async Task InsertRatingsAsync(SqliteConnection connection, SqliteTransaction transaction, long runKey, IReadOnlyList<StoredRating> ratings, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertRating;
        var key = insert.Parameters.Add("@run_key", SqliteType.Integer);
        var code = insert.Parameters.Add("@credit_code", SqliteType.Text);
        var status = insert.Parameters.Add("@status", SqliteType.Integer);
        var pool = insert.Parameters.Add("@pool", SqliteType.Text);
        var rank = insert.Parameters.Add("@rank", SqliteType.Integer);
        var ratingClass = insert.Parameters.Add("@class", SqliteType.Integer);
        var industry = insert.Parameters.Add("@industry", SqliteType.Text);
        var payload = insert.Parameters.Add("@payload", SqliteType.Blob);
        key.Value = runKey;
        insert.Prepare();

        var writer = new PayloadWriter();
        foreach (var index in InsertionOrder.Of(ratings))
        {
            var stored = ratings[index];
            code.Value = stored.CreditCode;
            status.Value = RatingColumns.Status(stored);
            pool.Value = (object?)RatingColumns.Pool(stored) ?? DBNull.Value;
            ratingClass.Value = (object?)RatingColumns.Class(stored) ?? DBNull.Value;
            rank.Value = (object?)RatingColumns.Rank(stored) ?? DBNull.Value;
            industry.Value = RatingColumns.IndustryKey(stored.Industry);
            payload.Value = RatingPayload.Encode(stored, writer);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SetCacheAsync(SqliteConnection connection, string kibibytes, CancellationToken cancellationToken)
    {
        // cache_size takes a literal; a negative value is a size in KiB. The argument is one of two constants.
        await using var command = Command(connection, null, "PRAGMA cache_size = " + kibibytes);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
