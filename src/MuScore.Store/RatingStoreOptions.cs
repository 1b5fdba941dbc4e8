using System.ComponentModel.DataAnnotations;
using System.Data.Common;

namespace MuScore.Store;

/// <summary>Which database holds the system of record.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file (the default: no server, no configuration).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for several server instances sharing one store.</summary>
    Postgres,
}

/// <summary>
/// Where the system of record lives. With no configuration at all the store is the SQLite file
/// <see cref="DefaultSqliteFile"/> in the working directory, created on first start.
/// Validate with data annotations (<c>ValidateDataAnnotations().ValidateOnStart()</c>);
/// <see cref="RatingStoreFactory.Create"/> validates again.
/// </summary>
public sealed class RatingStoreOptions : IValidatableObject
{
    /// <summary>The configuration section the server binds these options from; validation messages name settings under it.</summary>
    public const string SectionName = "MuScore:Store";

    /// <summary>The SQLite file used when no connection string is given, relative to the working directory.</summary>
    public const string DefaultSqliteFile = "muscore.db";

    /// <summary>The database kind. Default <see cref="StoreProvider.Sqlite"/>.</summary>
    [EnumDataType(typeof(StoreProvider))]
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. SQLite: optional, default <c>Data Source=muscore.db</c>.
    /// PostgreSQL: required, e.g. <c>Host=db;Database=muscore;Username=muscore;Password=…</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string actually used: the configured one, or the SQLite default.</summary>
    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && Provider == StoreProvider.Sqlite
            ? $"Data Source={DefaultSqliteFile}"
            : ConnectionString ?? string.Empty;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"{SectionName}:ConnectionString is required when {SectionName}:Provider is Postgres (e.g. \"Host=db;Database=muscore;Username=muscore\").",
                [nameof(ConnectionString)]);
            yield break;
        }

        if (ParseError(EffectiveConnectionString) is { } error)
        {
            yield return new ValidationResult($"{SectionName}:ConnectionString is not a valid connection string: {error}", [nameof(ConnectionString)]);
        }
    }

    private static string? ParseError(string connectionString)
    {
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
