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

        await using (var create = Command(connection, transaction, PostgresSchema.Create, ("@now", DateTimeOffset.UtcNow.UtcTicks)))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var current = Command(connection, transaction, PostgresSchema.CurrentVersion);
        var version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (version > PostgresSchema.Version)
        {
            throw new InvalidOperationException($"the database has schema version {version}; this build of MuScore reads version {PostgresSchema.Version} only");
        }

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
