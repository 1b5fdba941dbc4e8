using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Store.Payload;

namespace MuScore.Store.Sql;

internal abstract partial class SqlRatingStore
{
    private const string RunKeyOf = "(SELECT run_key FROM runs WHERE run_id = @run)";

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, StoredRating>> GetRatingsAsync(Publication publication, IReadOnlyCollection<string> creditCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(creditCodes);
        var found = new Dictionary<string, StoredRating>(creditCodes.Count, StringComparer.Ordinal);
        if (creditCodes.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT payload FROM ratings WHERE run_key = {RunKeyOf} AND {InList("credit_code", "@codes")}", ("@run", publication.RunId));
        AddList(command, "@codes", creditCodes);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rating = RatingPayload.Decode(reader.GetFieldValue<byte[]>(0));
            found[rating.CreditCode] = rating;
        }

        return found;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredRating> ListRatingsAsync(Publication publication, RatingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, string.Empty, ("@run", publication.RunId));
        command.CommandText = $"SELECT payload FROM ratings WHERE run_key = {RunKeyOf}{FilterSql(command, filter)} ORDER BY status, pool, rank, credit_code";

        // Rows are decoded one at a time as the reader streams them: the run is never held in memory.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // A buffered row may be read without looking at the token; a cancelled stream stops at the next row.
            cancellationToken.ThrowIfCancellationRequested();
            yield return RatingPayload.Decode(reader.GetFieldValue<byte[]>(0));
        }
    }

    /// <inheritdoc/>
    public async Task<RatingHistory> LoadHistoryAsync(string region, int beforeYear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        const string sql =
            "SELECT p.year, r.credit_code, r.status, r.class FROM publications p " +
            "JOIN runs u ON u.run_id = p.run_id JOIN ratings r ON r.run_key = u.run_key " +
            "WHERE p.region = @region AND p.year < @before " +
            "AND p.version = (SELECT MAX(q.version) FROM publications q WHERE q.region = p.region AND q.year = p.year)";
        var history = new RatingHistory();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, ("@region", region), ("@before", beforeYear));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rated = reader.GetInt16(2) == RatingColumns.Rated;
            history.Add(
                region,
                reader.GetString(1),
                reader.GetInt32(0),
                rated ? RowStatus.Rated : RowStatus.Excluded,
                rated ? (RatingClass)reader.GetInt16(3) : null);
        }

        return history;
    }

    /// <summary>The filter's conditions (each list item a parameter), starting with " AND" when there are any.</summary>
    private static string FilterSql(DbCommand command, RatingFilter filter)
    {
        var sql = new StringBuilder();
        if (filter.Pools.Count > 0)
        {
            sql.Append(" AND pool IN (").AppendJoin(", ", filter.Pools.Select((pool, i) => Param(command, "pool", i, pool))).Append(')');
        }

        if (filter.Classes.Count > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND status = {RatingColumns.Rated} AND class IN (")
                .AppendJoin(", ", filter.Classes.Select((c, i) => Param(command, "class", i, (short)c))).Append(')');
        }

        var prefixes = filter.IndustryPrefixes.Select(RatingColumns.IndustryKey).ToArray();
        if (prefixes.Length > 0 && !prefixes.Contains(string.Empty))
        {
            // substr(…, 1, n) = prefix, not LIKE: no wildcard escaping, same meaning in SQLite and PostgreSQL.
            sql.Append(" AND (").AppendJoin(" OR ", prefixes.Select((prefix, i) =>
                string.Create(CultureInfo.InvariantCulture, $"substr(industry, 1, {prefix.Length}) = {Param(command, "industry", i, prefix)}"))).Append(')');
        }

        return sql.ToString();
    }

    private static string Param(DbCommand command, string stem, int index, object value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"@{stem}{index}");
        Add(command, name, value);
        return name;
    }
}
