using MuScore.Store.Payload;
using MuScore.Store.Sql;
using Npgsql;
using NpgsqlTypes;

namespace MuScore.Store.Postgres;

internal sealed partial class PostgresRatingStore
{
    private const string InsertRun =
        $"INSERT INTO runs ({RunRows.RunColumns}, rejected) VALUES " +
        "(@run, @region, @year, @scheme_id, @scheme_version, @scheme_hash, @input_hash, @created_at, " +
        "@record_count, @rated_count, @excluded_count, @rejected_count, @pools::jsonb, @submitted_by, @rejected::jsonb) " +
        "ON CONFLICT (run_id) DO NOTHING RETURNING run_key";

    private const string CopyRatings =
        "COPY ratings (run_key, credit_code, status, pool, class, industry, rank, payload) FROM STDIN (FORMAT BINARY)";

    /// <inheritdoc/>
    /// <remarks>
    /// The run row, every rating (binary COPY) and the run.submitted entry go in one transaction. A
    /// concurrent save of the same run waits on the run_id unique key, then finds the run stored,
    /// records the second submission and returns the stored run.
    /// </remarks>
    public override async Task<RunInfo> SaveDraftAsync(DraftRun draft, CancellationToken cancellationToken)
    {
        CheckSubmitter(draft);
        var (rated, excluded) = RunRows.Count(draft);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            object? runKey;
            await using (var insertRun = Command(
                connection,
                transaction,
                InsertRun,
                RunRows.InsertParameters(draft, rated, excluded)))
            {
                runKey = await insertRun.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            if (runKey is long key)
            {
                await CopyAsync(connection, key, draft.Ratings, cancellationToken).ConfigureAwait(false);

                // Fresh statistics, committed with the run: without them the planner, believing the
                // table small, answers a 1,000-code lookup by filtering the whole run (0.5 s, not 5 ms).
                await using (var analyze = Command(connection, transaction, "ANALYZE ratings"))
                {
                    await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                // Last, so the log's lock is held only for the append and the commit.
                var saved = RunRows.FromDraft(draft, rated, excluded);
                await AppendInAsync(connection, transaction, Submitted(draft, saved, alreadyStored: false), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return saved;
            }
        }

        return await ResubmittedAsync(draft, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, long runKey, IReadOnlyList<StoredRating> ratings, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyRatings, cancellationToken).ConfigureAwait(false);
        await foreach (var (stored, encoded) in EncodedPayloads.InOrder(ratings, InsertionOrder.Of(ratings), cancellationToken).ConfigureAwait(false))
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(runKey, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(stored.CreditCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(RatingColumns.Status(stored), NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, RatingColumns.Pool(stored), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, RatingColumns.Class(stored), NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(RatingColumns.IndustryKey(stored.Industry), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, RatingColumns.Rank(stored), NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(encoded, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? importer.WriteAsync(v, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
