using System.Data.Common;
using System.Text;

namespace MuScore.Store.Sql;

internal abstract partial class SqlRatingStore
{
    /// <summary>Largest page of <see cref="ListRunsAsync"/>.</summary>
    public const int MaxPageSize = 500;

    /// <inheritdoc/>
    public async Task<RunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var run = await ReadRunAsync(connection, runId, withRejected: true, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }

        var publications = await PublicationsOfAsync(connection, [runId], cancellationToken).ConfigureAwait(false);
        return run with { Publications = publications.GetValueOrDefault(runId, []) };
    }

    /// <inheritdoc/>
    public async Task<RunInfo?> GetRunHeaderAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadRunAsync(connection, runId, withRejected: false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The page size is not 1..500.</exception>
    /// <exception cref="ArgumentException">The page token was not issued by this listing.</exception>
    public async Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"page size must be 1 to {MaxPageSize}");
        }

        (long CreatedAtTicks, string RunId)? after = query.PageToken is null ? null : PageToken.Decode(query.PageToken);

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {RunRows.RunColumns} FROM runs WHERE 1 = 1");
        if (query.Region is not null)
        {
            sql.Append(" AND region = @region");
            Add(command, "@region", query.Region);
        }

        if (query.Year is { } year)
        {
            sql.Append(" AND year = @year");
            Add(command, "@year", year);
        }

        sql.Append(PrefixSql(command, "region", query.RegionPrefixes));
        if (after is { } resume)
        {
            // Newest first, ties by id ascending: resume strictly after the last row of the previous page.
            sql.Append(" AND (created_at < @after_time OR (created_at = @after_time AND run_id > @after_id))");
            Add(command, "@after_time", resume.CreatedAtTicks);
            Add(command, "@after_id", resume.RunId);
        }

        sql.Append(" ORDER BY created_at DESC, run_id ASC LIMIT @limit");
        Add(command, "@limit", query.PageSize + 1);
        command.CommandText = sql.ToString();

        var runs = new List<RunInfo>(query.PageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(RunRows.ReadRun(reader, withRejected: false));
            }
        }

        string? next = null;
        if (runs.Count > query.PageSize)
        {
            runs.RemoveAt(runs.Count - 1);
            next = PageToken.Encode(runs[^1].CreatedAt.UtcTicks, runs[^1].RunId);
        }

        var publications = await PublicationsOfAsync(connection, [.. runs.Select(r => r.RunId)], cancellationToken).ConfigureAwait(false);
        return new RunPage([.. runs.Select(r => r with { Publications = publications.GetValueOrDefault(r.RunId, []) })], next);
    }

    /// <summary>A run's row (metadata, and its rejected records when asked), without publications; null when unknown.</summary>
    private static async Task<RunInfo?> ReadRunAsync(DbConnection connection, string runId, bool withRejected, CancellationToken cancellationToken)
    {
        var columns = withRejected ? $"{RunRows.RunColumns}, rejected" : RunRows.RunColumns;
        await using var command = Command(connection, null, $"SELECT {columns} FROM runs WHERE run_id = @run", ("@run", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? RunRows.ReadRun(reader, withRejected) : null;
    }

    /// <summary>The publications of each run, oldest first.</summary>
    private async Task<Dictionary<string, IReadOnlyList<Publication>>> PublicationsOfAsync(DbConnection connection, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        var byRun = new Dictionary<string, List<Publication>>(StringComparer.Ordinal);
        if (runIds.Count > 0)
        {
            await using var command = Command(connection, null, $"SELECT {RunRows.PublicationColumns} FROM publications WHERE {InList("run_id", "@runs")} ORDER BY region, year, version");
            AddList(command, "@runs", runIds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var publication = RunRows.ReadPublication(reader);
                if (!byRun.TryGetValue(publication.RunId, out var list))
                {
                    byRun[publication.RunId] = list = [];
                }

                list.Add(publication);
            }
        }

        return byRun.ToDictionary(p => p.Key, IReadOnlyList<Publication> (p) => p.Value, StringComparer.Ordinal);
    }
}
