using System.Data.Common;
using System.Globalization;
using System.Text;
using MuScore.Store.Audit;

namespace MuScore.Store.Sql;

/// <summary>
/// What SQLite and PostgreSQL share: every read, the publish protocol and the audit chain, in
/// portable SQL with named parameters. Subclasses supply connections, schema, bulk insert, list
/// parameters and the locks that serialise publishes of one region and year and audit appends.
/// </summary>
internal abstract partial class SqlRatingStore : IRatingStore, IAuditLog, IAsyncDisposable
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

    /// <summary>Begins a write transaction (SQLite: holding the file's write lock from the start).</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Inside a write transaction, takes the lock that makes reading the audit head and appending
    /// after it atomic across store instances; held until the transaction ends.
    /// </summary>
    protected abstract Task LockAuditAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Begins a read-only transaction in which every statement sees the same snapshot.</summary>
    protected abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

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

    /// <summary>
    /// The condition that <paramref name="column"/> starts with one of the prefixes, each a
    /// parameter (<c>substr(column, 1, length(@p)) = @p</c>: no LIKE wildcards to escape, the same in
    /// SQLite and PostgreSQL), starting with " AND". Empty when unrestricted (null, or "*" listed);
    /// never true for an empty list. A NULL column never matches.
    /// </summary>
    protected static string PrefixSql(DbCommand command, string column, IReadOnlyList<string>? prefixes)
    {
        if (prefixes is null || prefixes.Contains("*"))
        {
            return string.Empty;
        }

        if (prefixes.Count == 0)
        {
            return " AND 1 = 0";
        }

        var sql = new StringBuilder(" AND (");
        for (var i = 0; i < prefixes.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(prefixes[i], nameof(prefixes));
            var name = string.Create(CultureInfo.InvariantCulture, $"@{column}_prefix{i}");
            Add(command, name, prefixes[i]);
            sql.Append(i == 0 ? string.Empty : " OR ").Append(CultureInfo.InvariantCulture, $"substr({column}, 1, length({name})) = {name}");
        }

        return sql.Append(')').ToString();
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
