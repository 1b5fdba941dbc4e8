namespace MuScore.Store.Sql;

internal abstract partial class SqlRatingStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// When the newest version of the region and year already is this run, that publication is
    /// returned unchanged, so a retried publish does not add a version. Publishing an older run
    /// again (a rollback) does add one.
    /// </remarks>
    public async Task<Publication?> PublishAsync(string runId, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        string region;
        int year;
        await using (var find = Command(connection, null, "SELECT region, year FROM runs WHERE run_id = @run", ("@run", runId)))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (region, year) = (reader.GetString(0), reader.GetInt32(1));
        }

        await using var transaction = await BeginPublishAsync(connection, region, year, cancellationToken).ConfigureAwait(false);
        Publication? newest;
        await using (var latest = Command(connection, transaction, LatestOfYearSql, ("@region", region), ("@year", year)))
        await using (var reader = await latest.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            newest = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? RunRows.ReadPublication(reader) : null;
        }

        if (newest is not null && newest.RunId == runId)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return newest;
        }

        var publication = new Publication(region, year, (newest?.Version ?? 0) + 1, runId, RunRows.FromTicks(publishedAt.UtcTicks));
        await using (var insert = Command(
            connection,
            transaction,
            $"INSERT INTO publications ({RunRows.PublicationColumns}) VALUES (@region, @year, @version, @run, @at)",
            ("@region", region),
            ("@year", year),
            ("@version", publication.Version),
            ("@run", runId),
            ("@at", publishedAt.UtcTicks)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return publication;
    }

    /// <inheritdoc/>
    public async Task<Publication?> GetLatestPublicationAsync(string region, int? year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = year is { } y
            ? Command(connection, null, LatestOfYearSql, ("@region", region), ("@year", y))
            : Command(connection, null, $"SELECT {RunRows.PublicationColumns} FROM publications WHERE region = @region ORDER BY year DESC, version DESC LIMIT 1", ("@region", region));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? RunRows.ReadPublication(reader) : null;
    }

    /// <inheritdoc/>
    public async Task<Publication?> GetPublicationAsOfAsync(string region, int year, DateTimeOffset before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            $"SELECT {RunRows.PublicationColumns} FROM publications WHERE region = @region AND year = @year AND published_at < @before ORDER BY version DESC LIMIT 1",
            ("@region", region),
            ("@year", year),
            ("@before", before.UtcTicks));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? RunRows.ReadPublication(reader) : null;
    }

    private const string LatestOfYearSql =
        $"SELECT {RunRows.PublicationColumns} FROM publications WHERE region = @region AND year = @year ORDER BY version DESC LIMIT 1";
}
