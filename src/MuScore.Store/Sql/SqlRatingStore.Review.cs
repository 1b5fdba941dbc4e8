using System.Data.Common;
using MuScore.Store.Audit;
using MuScore.Store.Review;

namespace MuScore.Store.Sql;

/// <summary>The review's notice, its line of drafts and the finalize (docs/review.md).</summary>
internal abstract partial class SqlRatingStore : IReviewStore
{
    /// <inheritdoc/>
    public async Task<ReviewResult<Notice>> StartNoticeAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var record = new AuditRecord(AuditKinds.NoticeStarted, notice.StartedAt, notice.StartedBy, notice.Region, notice.Year, notice.RunId, null, null, ReviewRows.NoticeDetail(notice));
        AuditLimits.Validate(record);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var run = await ReadRunAsync(connection, notice.RunId, withRejected: false, cancellationToken).ConfigureAwait(false);
        if (run is null || run.Region != notice.Region || run.Year != notice.Year)
        {
            return new(ReviewOutcome.NotFound, null);
        }

        await using var transaction = await BeginPublishAsync(connection, notice.Region, notice.Year, cancellationToken).ConfigureAwait(false);
        if (await ReadNoticeAsync(connection, transaction, notice.Region, notice.Year, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(ReviewOutcome.NoticeExists, existing);
        }

        var stored = notice with { StartedAt = RunRows.FromTicks(notice.StartedAt.UtcTicks), FinalVersion = null };
        await ExecuteAsync(
            connection,
            transaction,
            $"INSERT INTO review_notices ({ReviewRows.NoticeColumns}) VALUES (@region, @year, @run, @start, @end, @days, @by, @at, NULL)",
            cancellationToken,
            ("@region", stored.Region),
            ("@year", stored.Year),
            ("@run", stored.RunId),
            ("@start", ReviewRows.Date(stored.StartDate)),
            ("@end", ReviewRows.Date(stored.EndDate)),
            ("@days", stored.WorkingDays),
            ("@by", stored.StartedBy),
            ("@at", stored.StartedAt.UtcTicks)).ConfigureAwait(false);
        await InsertDraftAsync(connection, transaction, new ReviewDraft(stored.Region, stored.Year, 1, stored.RunId, null, stored.StartedBy, stored.StartedAt, null), cancellationToken).ConfigureAwait(false);
        await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new(ReviewOutcome.Done, stored);
    }

    /// <inheritdoc/>
    public async Task<Notice?> GetNoticeAsync(string region, int year, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadNoticeAsync(connection, null, region, year, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ReviewDraft>> ListDraftsAsync(string region, int year, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadDraftsAsync(connection, null, region, year, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task SaveInputsAsync(RunInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "INSERT INTO run_inputs (run_id, header, records) VALUES (@run, @header, @records) ON CONFLICT (run_id) DO NOTHING",
            ("@run", inputs.RunId),
            ("@header", inputs.Header),
            ("@records", inputs.Records));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<RunInputs?> GetInputsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT header, records FROM run_inputs WHERE run_id = @run", ("@run", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RunInputs(runId, (byte[])reader.GetValue(0), (byte[])reader.GetValue(1))
            : null;
    }

    /// <inheritdoc/>
    public async Task<ReviewResult<ReviewDraft>> AddCorrectionAsync(ReviewDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginPublishAsync(connection, draft.Region, draft.Year, cancellationToken).ConfigureAwait(false);
        if (await ReadNoticeAsync(connection, transaction, draft.Region, draft.Year, cancellationToken).ConfigureAwait(false) is null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(ReviewOutcome.NoNotice, null);
        }

        var line = await ReadDraftsAsync(connection, transaction, draft.Region, draft.Year, cancellationToken).ConfigureAwait(false);
        if (!line.Any(d => d.RunId == draft.BaseRunId))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(ReviewOutcome.NotInLine, null);
        }

        // The same corrected records give the same run: a retried correction adds no version.
        if (line.FirstOrDefault(d => d.RunId == draft.RunId) is { } same)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(ReviewOutcome.AlreadyDone, same);
        }

        var stored = draft with { DraftVersion = line.Count + 1, CreatedAt = RunRows.FromTicks(draft.CreatedAt.UtcTicks) };
        await InsertDraftAsync(connection, transaction, stored, cancellationToken).ConfigureAwait(false);
        var record = new AuditRecord(AuditKinds.RunCorrected, stored.CreatedAt, stored.CreatedBy, stored.Region, stored.Year, stored.RunId, null, stored.Reason, ReviewRows.CorrectionDetail(stored));
        await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new(ReviewOutcome.Done, stored);
    }

    /// <inheritdoc/>
    public async Task<ReviewResult<Publication>> FinalizeAsync(FinalizeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason;
        AuditLimits.Validate(new AuditRecord(AuditKinds.ReviewFinalized, request.At, request.By, request.Region, request.Year, request.PublishRunId, null, reason, null));
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var run = await ReadRunAsync(connection, request.PublishRunId, withRejected: false, cancellationToken).ConfigureAwait(false);
        if (run is null || run.Region != request.Region || run.Year != request.Year)
        {
            return new(ReviewOutcome.NotFound, null);
        }

        await using var transaction = await BeginPublishAsync(connection, request.Region, request.Year, cancellationToken).ConfigureAwait(false);
        var outcome = await FinalizeCheckAsync(connection, transaction, request, cancellationToken).ConfigureAwait(false);
        if (outcome.Outcome != ReviewOutcome.Done)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(outcome.Outcome, null);
        }

        var published = await PublishInAsync(connection, transaction, run, new PublishRequest(run.RunId, request.At, request.By, reason), cancellationToken).ConfigureAwait(false);
        if (published.Outcome == PublishOutcome.RollbackNeedsReason)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(ReviewOutcome.RollbackNeedsReason, null);
        }

        // Finalizing what is already the newest version again changes nothing (a retried call).
        var publication = published.Publication!;
        if (published.Outcome == PublishOutcome.AlreadyNewest)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(ReviewOutcome.AlreadyDone, publication);
        }

        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE review_notices SET final_version = @version WHERE region = @region AND year = @year",
            cancellationToken,
            ("@version", publication.Version),
            ("@region", request.Region),
            ("@year", request.Year)).ConfigureAwait(false);
        var record = new AuditRecord(AuditKinds.ReviewFinalized, publication.PublishedAt, request.By, request.Region, request.Year, publication.RunId, publication.Version, reason, ReviewRows.FinalizedDetail(request.DraftRunId, outcome.DraftVersion));
        await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new(ReviewOutcome.Done, publication);
    }

    /// <summary>Inside the finalize transaction: the draft is in the line, the notice has ended, no objection is open.</summary>
    private static async Task<(ReviewOutcome Outcome, int DraftVersion)> FinalizeCheckAsync(DbConnection connection, DbTransaction transaction, FinalizeRequest request, CancellationToken cancellationToken)
    {
        var notice = await ReadNoticeAsync(connection, transaction, request.Region, request.Year, cancellationToken).ConfigureAwait(false);
        if (notice is null)
        {
            return (ReviewOutcome.NoNotice, 0);
        }

        var line = await ReadDraftsAsync(connection, transaction, request.Region, request.Year, cancellationToken).ConfigureAwait(false);
        if (line.FirstOrDefault(d => d.RunId == request.DraftRunId) is not { } draft)
        {
            return (ReviewOutcome.NotInLine, 0);
        }

        if (request.Today <= notice.EndDate)
        {
            return (ReviewOutcome.NoticeNotEnded, 0);
        }

        await using var open = Command(connection, transaction, "SELECT COUNT(*) FROM objections WHERE region = @region AND year = @year AND decision = 0", ("@region", request.Region), ("@year", request.Year));
        var openCount = Convert.ToInt64(await open.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return openCount > 0 ? (ReviewOutcome.ObjectionsOpen, 0) : (ReviewOutcome.Done, draft.DraftVersion);
    }

    private static async Task<Notice?> ReadNoticeAsync(DbConnection connection, DbTransaction? transaction, string region, int year, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {ReviewRows.NoticeColumns} FROM review_notices WHERE region = @region AND year = @year", ("@region", region), ("@year", year));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReviewRows.ReadNotice(reader) : null;
    }

    private static async Task<IReadOnlyList<ReviewDraft>> ReadDraftsAsync(DbConnection connection, DbTransaction? transaction, string region, int year, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {ReviewRows.DraftColumns} FROM review_drafts WHERE region = @region AND year = @year ORDER BY draft_version", ("@region", region), ("@year", year));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var drafts = new List<ReviewDraft>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            drafts.Add(ReviewRows.ReadDraft(reader));
        }

        return drafts;
    }

    private static Task InsertDraftAsync(DbConnection connection, DbTransaction transaction, ReviewDraft d, CancellationToken cancellationToken) =>
        ExecuteAsync(
            connection,
            transaction,
            $"INSERT INTO review_drafts ({ReviewRows.DraftColumns}) VALUES (@region, @year, @version, @run, @base, @by, @at, @reason)",
            cancellationToken,
            ("@region", d.Region),
            ("@year", d.Year),
            ("@version", d.DraftVersion),
            ("@run", d.RunId),
            ("@base", d.BaseRunId),
            ("@by", d.CreatedBy),
            ("@at", d.CreatedAt.UtcTicks),
            ("@reason", d.Reason));

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
