namespace MuScore.Store.Sql;

internal abstract partial class SqlRatingStore
{
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

    /// <summary>The newest publication of a region and year (parameters @region, @year).</summary>
    private const string LatestOfYearSql =
        $"SELECT {RunRows.PublicationColumns} FROM publications WHERE region = @region AND year = @year ORDER BY version DESC LIMIT 1";
}
