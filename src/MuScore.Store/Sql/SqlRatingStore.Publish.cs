using System.Data.Common;
using MuScore.Store.Audit;

namespace MuScore.Store.Sql;

internal abstract partial class SqlRatingStore
{
    /// <inheritdoc/>
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RunId, nameof(request));
        ArgumentNullException.ThrowIfNull(request.PublishedBy, nameof(request));
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason;

        // The bounds of the audit entry this publish will append, checked before anything is written.
        AuditLimits.Validate(new AuditRecord(AuditKinds.RunPublished, request.PublishedAt, request.PublishedBy, null, null, request.RunId, null, reason, null));

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Runs are immutable: reading it before the lock is safe.
        var run = await ReadRunAsync(connection, request.RunId, withRejected: false, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return new PublishResult(PublishOutcome.RunNotFound, null, null);
        }

        await using var transaction = await BeginPublishAsync(connection, run.Region, run.Year, cancellationToken).ConfigureAwait(false);
        var result = await PublishInAsync(connection, transaction, run, request with { Reason = reason }, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == PublishOutcome.Published)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// The publish protocol inside the caller's publish transaction (holding the region and year's
    /// publish lock): the new version and its audit entry are written, never committed, so a
    /// finalize can add its own rows to the same transaction. The caller commits only
    /// <see cref="PublishOutcome.Published"/>.
    /// </summary>
    private async Task<PublishResult> PublishInAsync(DbConnection connection, DbTransaction transaction, RunInfo run, PublishRequest request, CancellationToken cancellationToken)
    {
        var reason = request.Reason;
        var (newest, newestCreatedTicks) = await NewestAsync(connection, transaction, run.Region, run.Year, cancellationToken).ConfigureAwait(false);
        if (newest is not null && newest.RunId == run.RunId)
        {
            return new PublishResult(PublishOutcome.AlreadyNewest, newest, run);
        }

        var rollback = newest is not null
            && (IsOlder(run, newestCreatedTicks, newest.RunId) || await PublishedBeforeAsync(connection, transaction, run, cancellationToken).ConfigureAwait(false));
        if (rollback && reason is null)
        {
            return new PublishResult(PublishOutcome.RollbackNeedsReason, null, run);
        }

        // Versions and times agree: under the publish lock a version is never dated at or before the
        // one it follows, even when two instances' clocks disagree, so "the version in force on a
        // date" is the same whether it is picked by time or by number.
        var publishedTicks = newest is null ? request.PublishedAt.UtcTicks : Math.Max(request.PublishedAt.UtcTicks, newest.PublishedAt.UtcTicks + 1);
        var publication = new Publication(run.Region, run.Year, (newest?.Version ?? 0) + 1, run.RunId, RunRows.FromTicks(publishedTicks))
        {
            PublishedBy = request.PublishedBy,
            Reason = reason,
            IsRollback = rollback,
        };
        await using (var insert = Command(
            connection,
            transaction,
            $"INSERT INTO publications ({RunRows.PublicationColumns}) VALUES (@region, @year, @version, @run, @at, @by, @reason, @rollback)",
            ("@region", publication.Region),
            ("@year", publication.Year),
            ("@version", publication.Version),
            ("@run", publication.RunId),
            ("@at", publication.PublishedAt.UtcTicks),
            ("@by", publication.PublishedBy),
            ("@reason", publication.Reason),
            ("@rollback", publication.IsRollback)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var record = new AuditRecord(
            rollback ? AuditKinds.RunRollback : AuditKinds.RunPublished,
            publication.PublishedAt,
            publication.PublishedBy,
            publication.Region,
            publication.Year,
            publication.RunId,
            publication.Version,
            reason,
            AuditDetails.Published(newest));
        await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        return new PublishResult(PublishOutcome.Published, publication, run);
    }

    /// <summary>Whether the run is older than the newest version's: created earlier, or at the same tick with the smaller id (ordinal).</summary>
    private static bool IsOlder(RunInfo run, long newestCreatedTicks, string newestRunId) =>
        run.CreatedAt.UtcTicks < newestCreatedTicks
        || (run.CreatedAt.UtcTicks == newestCreatedTicks && string.CompareOrdinal(run.RunId, newestRunId) < 0);

    /// <summary>The newest publication of the region and year and its run's creation time (UTC ticks), read under the publish lock.</summary>
    private static async Task<(Publication? Newest, long CreatedTicks)> NewestAsync(DbConnection connection, DbTransaction transaction, string region, int year, CancellationToken cancellationToken)
    {
        const string sql =
            $"SELECT {RunRows.PublicationColumns}, (SELECT r.created_at FROM runs r WHERE r.run_id = publications.run_id) " +
            "FROM publications WHERE region = @region AND year = @year ORDER BY version DESC LIMIT 1";
        await using var command = Command(connection, transaction, sql, ("@region", region), ("@year", year));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (RunRows.ReadPublication(reader), reader.GetInt64(8))
            : (null, 0);
    }

    /// <summary>Whether the run already was some version of its region and year.</summary>
    private static async Task<bool> PublishedBeforeAsync(DbConnection connection, DbTransaction transaction, RunInfo run, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            transaction,
            "SELECT 1 FROM publications WHERE region = @region AND year = @year AND run_id = @run LIMIT 1",
            ("@region", run.Region),
            ("@year", run.Year),
            ("@run", run.RunId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }
}
