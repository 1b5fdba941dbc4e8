using Microsoft.Data.Sqlite;
using MuScore.Cli.Arguments;
using MuScore.Store;

namespace MuScore.Cli.Auditing;

/// <summary>--store and --connection-string as the options of a store that must already exist.</summary>
internal static class StoreArguments
{
    /// <exception cref="CommandFailure">An option is missing or malformed (exit 2), or the SQLite file does not exist (exit 4).</exception>
    public static RatingStoreOptions Existing(ParsedArguments args)
    {
        var store = args.Value("store") ?? throw CommandFailure.Usage("missing --store sqlite|postgres");
        var connection = args.Value("connection-string") ?? throw CommandFailure.Usage("missing --connection-string TEXT");
        var provider = store.ToUpperInvariant() switch
        {
            "SQLITE" => StoreProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => StoreProvider.Postgres,
            _ => throw CommandFailure.Usage($"--store '{store}' is not sqlite or postgres"),
        };
        return new RatingStoreOptions { Provider = provider, ConnectionString = provider == StoreProvider.Sqlite ? ExistingFile(connection) : connection };
    }

    /// <summary>The SQLite connection string opening the file without creating it: a mistyped path must not verify as an empty, intact log.</summary>
    private static string ExistingFile(string connection)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connection);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw CommandFailure.Usage($"--connection-string: {e.Message}");
        }

        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        if (builder.DataSource.Length == 0 || (builder.Mode != SqliteOpenMode.Memory && !File.Exists(builder.DataSource)))
        {
            throw new CommandFailure(ExitCodes.ServerError, $"no SQLite store at '{Path.GetFullPath(builder.DataSource.Length == 0 ? "." : builder.DataSource)}'");
        }

        return builder.ToString();
    }
}
