using System.Data.Common;
using MuScore.Store.Audit;
using MuScore.Store.Review;

namespace MuScore.Store.Sql;

/// <summary>The review's objections and adjustments (docs/review.md).</summary>
internal abstract partial class SqlRatingStore
{
    /// <inheritdoc/>
    public async Task<ReviewResult<Objection>> FileObjectionAsync(Objection objection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var stored = objection with { FiledAt = RunRows.FromTicks(objection.FiledAt.UtcTicks), Decision = ObjectionDecision.Open, DecisionReason = null, DecidedBy = null, DecidedAt = null };
        var record = new AuditRecord(AuditKinds.ObjectionFiled, stored.FiledAt, stored.FiledByCaller, stored.Region, stored.Year, stored.RunId, null, null, ReviewRows.ObjectionDetail(stored));
        AuditLimits.Validate(record);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginPublishAsync(connection, stored.Region, stored.Year, cancellationToken).ConfigureAwait(false);
        if (await ReadNoticeAsync(connection, transaction, stored.Region, stored.Year, cancellationToken).ConfigureAwait(false) is null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(ReviewOutcome.NoNotice, null);
        }

        await ExecuteAsync(
            connection,
            transaction,
            $"INSERT INTO objections ({ReviewRows.ObjectionColumns}) VALUES (@id, @region, @year, @code, @run, @by, @caller, @at, @body, @attachments, 0, NULL, NULL, NULL)",
            cancellationToken,
            ("@id", stored.ObjectionId),
            ("@region", stored.Region),
            ("@year", stored.Year),
            ("@code", stored.CreditCode),
            ("@run", stored.RunId),
            ("@by", stored.FiledBy),
            ("@caller", stored.FiledByCaller),
            ("@at", stored.FiledAt.UtcTicks),
            ("@body", stored.Text),
            ("@attachments", ReviewRows.WriteAttachments(stored.Attachments))).ConfigureAwait(false);
        await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new(ReviewOutcome.Done, stored);
    }

    /// <inheritdoc/>
    public async Task<Objection?> GetObjectionAsync(string objectionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadObjectionAsync(connection, null, objectionId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Objection>> ListObjectionsAsync(string region, int year, string? creditCode, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var sql = $"SELECT {ReviewRows.ObjectionColumns} FROM objections WHERE region = @region AND year = @year"
            + (creditCode is null ? string.Empty : " AND credit_code = @code")
            + " ORDER BY filed_at, objection_id";
        await using var command = Command(connection, null, sql, ("@region", region), ("@year", year), ("@code", creditCode));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Objection>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReviewRows.ReadObjection(reader));
        }

        return list;
    }

    /// <inheritdoc/>
    public async Task<ReviewResult<Objection>> DecideObjectionAsync(string objectionId, ObjectionDecision decision, string reason, string decidedBy, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(decidedBy);
        if (decision == ObjectionDecision.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "a decision upholds or rejects");
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await ReadObjectionAsync(connection, null, objectionId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return new(ReviewOutcome.NotFound, null);
        }

        await using var transaction = await BeginPublishAsync(connection, found.Region, found.Year, cancellationToken).ConfigureAwait(false);
        var current = (await ReadObjectionAsync(connection, transaction, objectionId, cancellationToken).ConfigureAwait(false))!;
        if (current.Decision != ObjectionDecision.Open)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(ReviewOutcome.AlreadyDone, current);
        }

        var decided = current with { Decision = decision, DecisionReason = reason, DecidedBy = decidedBy, DecidedAt = RunRows.FromTicks(decidedAt.UtcTicks) };
        var record = new AuditRecord(AuditKinds.ObjectionDecided, decided.DecidedAt.Value, decidedBy, decided.Region, decided.Year, decided.RunId, null, reason, ReviewRows.ObjectionDetail(decided));
        AuditLimits.Validate(record);
        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE objections SET decision = @decision, decision_reason = @reason, decided_by = @by, decided_at = @at WHERE objection_id = @id",
            cancellationToken,
            ("@decision", (int)decision),
            ("@reason", reason),
            ("@by", decidedBy),
            ("@at", decided.DecidedAt.Value.UtcTicks),
            ("@id", objectionId)).ConfigureAwait(false);
        await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new(ReviewOutcome.Done, decided);
    }

    /// <inheritdoc/>
    public async Task<ReviewResult<Adjustment>> ProposeAdjustmentAsync(Adjustment adjustment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        var stored = adjustment with { ProposedAt = RunRows.FromTicks(adjustment.ProposedAt.UtcTicks), ApprovedBy = null, ApprovedAt = null };
        var record = new AuditRecord(AuditKinds.AdjustmentProposed, stored.ProposedAt, stored.ProposedBy, stored.Region, stored.Year, null, null, stored.Reason, ReviewRows.AdjustmentDetail(stored));
        AuditLimits.Validate(record);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginPublishAsync(connection, stored.Region, stored.Year, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            transaction,
            $"INSERT INTO adjustments ({ReviewRows.AdjustmentColumns}) VALUES (@id, @region, @year, @code, @class, @reason, @by, @at, NULL, NULL)",
            cancellationToken,
            ("@id", stored.AdjustmentId),
            ("@region", stored.Region),
            ("@year", stored.Year),
            ("@code", stored.CreditCode),
            ("@class", (int)stored.Class),
            ("@reason", stored.Reason),
            ("@by", stored.ProposedBy),
            ("@at", stored.ProposedAt.UtcTicks)).ConfigureAwait(false);
        await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new(ReviewOutcome.Done, stored);
    }

    /// <inheritdoc/>
    public async Task<ReviewResult<Adjustment>> ApproveAdjustmentAsync(string adjustmentId, string approvedBy, DateTimeOffset approvedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approvedBy);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await ReadAdjustmentAsync(connection, null, adjustmentId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return new(ReviewOutcome.NotFound, null);
        }

        await using var transaction = await BeginPublishAsync(connection, found.Region, found.Year, cancellationToken).ConfigureAwait(false);
        var current = (await ReadAdjustmentAsync(connection, transaction, adjustmentId, cancellationToken).ConfigureAwait(false))!;
        var refusal = current.IsApproved ? ReviewOutcome.AlreadyDone
            : string.Equals(current.ProposedBy, approvedBy, StringComparison.Ordinal) ? ReviewOutcome.SameAsProposer
            : ReviewOutcome.Done;
        if (refusal != ReviewOutcome.Done)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new(refusal, current);
        }

        var approved = current with { ApprovedBy = approvedBy, ApprovedAt = RunRows.FromTicks(approvedAt.UtcTicks) };
        var record = new AuditRecord(AuditKinds.AdjustmentApproved, approved.ApprovedAt.Value, approvedBy, approved.Region, approved.Year, null, null, approved.Reason, ReviewRows.AdjustmentDetail(approved));
        AuditLimits.Validate(record);
        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE adjustments SET approved_by = @by, approved_at = @at WHERE adjustment_id = @id",
            cancellationToken,
            ("@by", approvedBy),
            ("@at", approved.ApprovedAt.Value.UtcTicks),
            ("@id", adjustmentId)).ConfigureAwait(false);
        await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new(ReviewOutcome.Done, approved);
    }

    /// <inheritdoc/>
    public async Task<Adjustment?> GetAdjustmentAsync(string adjustmentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAdjustmentAsync(connection, null, adjustmentId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Adjustment>> ListAdjustmentsAsync(string region, int year, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {ReviewRows.AdjustmentColumns} FROM adjustments WHERE region = @region AND year = @year ORDER BY proposed_at, adjustment_id", ("@region", region), ("@year", year));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Adjustment>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReviewRows.ReadAdjustment(reader));
        }

        return list;
    }

    private static async Task<Objection?> ReadObjectionAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {ReviewRows.ObjectionColumns} FROM objections WHERE objection_id = @id", ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReviewRows.ReadObjection(reader) : null;
    }

    private static async Task<Adjustment?> ReadAdjustmentAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {ReviewRows.AdjustmentColumns} FROM adjustments WHERE adjustment_id = @id", ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReviewRows.ReadAdjustment(reader) : null;
    }
}
