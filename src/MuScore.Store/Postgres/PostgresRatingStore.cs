using System.Data;
using System.Data.Common;
using System.Globalization;
using MuScore.Store.Sql;
using Npgsql;
using NpgsqlTypes;

namespace MuScore.Store.Postgres;

/// <summary>
/// The shared store for several server instances: one pooled <see cref="NpgsqlDataSource"/>,
/// ratings bulk-loaded with binary COPY, publishes of one region and year serialised across
/// instances by a transaction-scoped advisory lock (the primary key on (region, year, version)
/// stays as the last line of defence).
/// </summary>
internal sealed partial class PostgresRatingStore(string connectionString) : SqlRatingStore
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc/>
    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var schemaLock = Command(connection, transaction, PostgresSchema.Lock))
        {
            await schemaLock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await MigrateAsync(connection, transaction, PostgresSchema.Script, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <inheritdoc/>
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    /// <inheritdoc/>
    protected override void AddList(DbCommand command, string parameter, IReadOnlyCollection<string> values) =>
        command.Parameters.Add(new NpgsqlParameter(parameter, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    /// <remarks>
    /// One advisory lock for the whole log, always taken last in a transaction (after a publish's
    /// region lock), so lock order is fixed and two instances cannot deadlock; sequence is the
    /// primary key as the last line of defence.
    /// </remarks>
    protected override async Task LockAuditAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var lockCommand = Command(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended('muscore.audit', 0))");
        await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginPublishAsync(DbConnection connection, string region, int year, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Held until commit or rollback; other instances publishing the same region and year wait here.
            await using var lockCommand = Command(
                connection,
                transaction,
                "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))",
                ("@key", string.Create(CultureInfo.InvariantCulture, $"muscore.publish\n{region}\n{year}")));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
