using Microsoft.Data.Sqlite;
using Npgsql;

namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>Statements run behind the store's back, as someone with write access to the database would.</summary>
internal static class PlainSql
{
    public static async Task SqliteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task PostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
