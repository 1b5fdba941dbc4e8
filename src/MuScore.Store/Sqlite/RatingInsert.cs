using Microsoft.Data.Sqlite;
using MuScore.Store.Payload;
using MuScore.Store.Sql;
using SQLitePCL;

namespace MuScore.Store.Sqlite;

/// <summary>
/// A prepared single-row INSERT of one run's ratings, bound and stepped through SQLite's own API
/// (SQLitePCL) on the connection's handle, inside the connection's open transaction. Microsoft.Data.Sqlite
/// re-binds every parameter by name and type-checks its value on each execution; for a million rows
/// that was more CPU than SQLite's own insert work (docs/benchmarks.md, "Publishing a million rows").
/// Text comes already encoded (<see cref="PayloadChunk"/>); SQLite copies each value (SQLITE_TRANSIENT).
/// </summary>
internal sealed class RatingInsert : IDisposable
{
    private const string Sql =
        "INSERT INTO ratings (run_key, credit_code, status, pool, class, industry, rank, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    /// <summary>Prepares the insert on <paramref name="connection"/>, whose transaction must already be open.</summary>
    public RatingInsert(SqliteConnection connection, long runKey)
    {
        database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(database, Sql, out statement));
        Check(raw.sqlite3_bind_int64(statement, 1, runKey));
    }

    /// <summary>
    /// Inserts rating <paramref name="index"/> of <paramref name="chunk"/>, encoded with its key
    /// texts: the bytes are bound as they are, so this thread does SQLite's work only.
    /// </summary>
    public void Insert(PayloadChunk chunk, int index)
    {
        // A rating that cannot be stored fails here, with the message RatingColumns gives.
        var status = chunk.Status(index) is var known and not PayloadChunk.UnknownStatus ? known : RatingColumns.Status(chunk.Rating(index));
        Check(raw.sqlite3_bind_text(statement, 2, chunk.CreditCode(index)));
        Check(raw.sqlite3_bind_int64(statement, 3, status));
        if (chunk.HasRating(index))
        {
            Check(raw.sqlite3_bind_text(statement, 4, chunk.Pool(index)));
            Check(raw.sqlite3_bind_int64(statement, 5, chunk.Class(index)));
            Check(raw.sqlite3_bind_int64(statement, 7, chunk.Rank(index)));
        }
        else
        {
            Check(raw.sqlite3_bind_null(statement, 4));
            Check(raw.sqlite3_bind_null(statement, 5));
            Check(raw.sqlite3_bind_null(statement, 7));
        }

        Check(raw.sqlite3_bind_text(statement, 6, chunk.IndustryKey(index)));
        Check(raw.sqlite3_bind_blob(statement, 8, chunk.PayloadSpan(index)));
        var stepped = raw.sqlite3_step(statement);

        // Reset before a failure is reported, so the statement never stays mid-step.
        var reset = raw.sqlite3_reset(statement);
        Check(stepped == raw.SQLITE_DONE ? reset : stepped);
    }

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
