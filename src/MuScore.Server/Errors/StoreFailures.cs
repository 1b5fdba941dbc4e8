using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MuScore.Server.Errors;

/// <summary>Tells a store that cannot answer now (retry later) from a bug.</summary>
internal static class StoreFailures
{
    // SQLite primary result codes that mean "not now" rather than "never": BUSY, LOCKED, IOERR,
    // FULL (disk full), CANTOPEN (file or directory missing or not permitted).
    private static readonly int[] TransientSqliteCodes = [5, 6, 10, 13, 14];

    /// <summary>Whether the exception (or one it wraps) says the database is unreachable or busy.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when TransientSqliteCodes.Contains(sqlite.SqliteErrorCode):
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
