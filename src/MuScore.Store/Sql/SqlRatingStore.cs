using System.Data.Common;

namespace MuScore.Store.Sql;

/// <summary>
/// What SQLite and PostgreSQL share: every read and the publish protocol, in portable SQL with
/// named parameters. Subclasses supply connections, schema, bulk insert, list parameters and the
/// write lock that serialises publishes of one region and year.
/// </summary>
internal abstract partial class SqlRatingStore : IRatingStore, IAsyncDisposable
{
    /// <inheritdoc/>
    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    /// <inheritdoc/>
    public abstract Task<RunInfo> SaveDraftAsync(DraftRun draft, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();

    /// <summary>An open pooled connection, configured for this store.</summary>
    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A condition that <paramref name="column"/> is one of the strings in list parameter <paramref name="parameter"/>.</summary>
    protected abstract string InList(string column, string parameter);

    /// <summary>Adds a list parameter for <see cref="InList"/>.</summary>
    protected abstract void AddList(DbCommand command, string parameter, IReadOnlyCollection<string> values);

    /// <summary>
    /// Begins the publish transaction holding a write lock that no other publish of the same region
    /// and year can hold at once, so reading the newest version and inserting the next is atomic.
    /// </summary>
    protected abstract Task<DbTransaction> BeginPublishAsync(DbConnection connection, string region, int year, CancellationToken cancellationToken);

    /// <summary>A command with named parameters (null values are sent as SQL NULL).</summary>
    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
