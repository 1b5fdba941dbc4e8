using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MuScore.Store.Sql;

namespace MuScore.Store.Sqlite;

/// <summary>
/// A prepared INSERT of ratings of one run (one VALUES tuple each), its parameters set row by row
/// and the statement executed once they are all set. The save uses one row per statement (see
/// SqliteRatingStore.InsertRatingsAsync for why).
/// </summary>
internal sealed class RatingInsert : IAsyncDisposable
{
    /// <summary>Parameters per rating: credit_code, status, pool, class, industry, rank, payload.</summary>
    private const int PerRow = 7;

    private readonly SqliteParameter[] parameters;

    public RatingInsert(SqliteConnection connection, SqliteTransaction transaction, long runKey, int rows)
    {
        Command = connection.CreateCommand();
        Command.Transaction = transaction;
        Command.Parameters.Add("@k", SqliteType.Integer).Value = runKey;
        parameters = new SqliteParameter[rows * PerRow];
        var sql = new StringBuilder("INSERT INTO ratings (run_key, credit_code, status, pool, class, industry, rank, payload) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@k, @c{row}, @s{row}, @p{row}, @l{row}, @i{row}, @r{row}, @b{row})");
            var first = row * PerRow;
            parameters[first] = Command.Parameters.Add(Name("c", row), SqliteType.Text);
            parameters[first + 1] = Command.Parameters.Add(Name("s", row), SqliteType.Integer);
            parameters[first + 2] = Command.Parameters.Add(Name("p", row), SqliteType.Text);
            parameters[first + 3] = Command.Parameters.Add(Name("l", row), SqliteType.Integer);
            parameters[first + 4] = Command.Parameters.Add(Name("i", row), SqliteType.Text);
            parameters[first + 5] = Command.Parameters.Add(Name("r", row), SqliteType.Integer);
            parameters[first + 6] = Command.Parameters.Add(Name("b", row), SqliteType.Blob);
        }

        Command.CommandText = sql.ToString();
        Command.Prepare();
    }

    public SqliteCommand Command { get; }

    /// <summary>Sets the parameters of tuple <paramref name="row"/> (0-based).</summary>
    public void Set(int row, StoredRating stored, byte[] payload)
    {
        var first = row * PerRow;
        parameters[first].Value = stored.CreditCode;
        parameters[first + 1].Value = RatingColumns.Status(stored);
        parameters[first + 2].Value = (object?)RatingColumns.Pool(stored) ?? DBNull.Value;
        parameters[first + 3].Value = (object?)RatingColumns.Class(stored) ?? DBNull.Value;
        parameters[first + 4].Value = RatingColumns.IndustryKey(stored.Industry);
        parameters[first + 5].Value = (object?)RatingColumns.Rank(stored) ?? DBNull.Value;
        parameters[first + 6].Value = payload;
    }

    public ValueTask DisposeAsync() => Command.DisposeAsync();

    private static string Name(string column, int row) => string.Create(CultureInfo.InvariantCulture, $"@{column}{row}");
}
