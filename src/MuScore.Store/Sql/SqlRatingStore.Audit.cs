using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using MuScore.Store.Audit;

namespace MuScore.Store.Sql;

internal abstract partial class SqlRatingStore
{
    /// <inheritdoc/>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        AuditLimits.Validate(record);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var entry = await AppendInAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<AuditEntry> ListAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"limit must be 1 to {AuditQuery.MaxLimit}");
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = AuditListSql(command, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return AuditRows.Read(reader);
        }
    }

    /// <summary>
    /// Appends one entry inside the caller's write transaction, so it commits or vanishes with the
    /// change it records. Takes the audit lock, reads the head, inserts the entry after it and moves
    /// the head, which makes concurrent appenders (other store instances too) form one chain.
    /// </summary>
    /// <exception cref="InvalidDataException">The head row is missing.</exception>
    protected async Task<AuditEntry> AppendInAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken cancellationToken)
    {
        await LockAuditAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        long last;
        string lastHash;
        await using (var head = Command(connection, transaction, AuditRows.ReadHead))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Fail closed: appending after an unknown end would hide what was done to the log.
                throw new InvalidDataException("the audit log's head row (audit_head) is missing: the log was tampered with; run 'muscore audit verify'");
            }

            (last, lastHash) = (reader.GetInt64(0), reader.GetString(1));
        }

        // Stored in UTC to the tick: the entry returned equals the one read back later.
        var stored = record with { At = RunRows.FromTicks(record.At.UtcTicks) };
        var sequence = checked(last + 1);
        var entry = new AuditEntry(sequence, stored, lastHash, AuditHash.Compute(sequence, stored, lastHash));
        await using (var insert = Command(connection, transaction, AuditRows.Insert, AuditRows.InsertParameters(entry)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var move = Command(connection, transaction, AuditRows.WriteHead, ("@sequence", sequence), ("@hash", entry.Hash)))
        {
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return entry;
    }

    /// <summary>The <c>run.submitted</c> record of a draft: its submitter and time, the run and its counts.</summary>
    protected static AuditRecord Submitted(DraftRun draft, RunInfo run, bool alreadyStored) =>
        new(AuditKinds.RunSubmitted, draft.CreatedAt, draft.SubmittedBy, run.Region, run.Year, run.RunId, null, null, AuditDetails.Submitted(run, alreadyStored));

    /// <summary>Checks what a save will write to the audit log, before it writes anything.</summary>
    /// <exception cref="ArgumentException">SubmittedBy is missing or breaks the audit bounds.</exception>
    protected static void CheckSubmitter(DraftRun draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(draft.SubmittedBy, nameof(draft));
        AuditLimits.Validate(new AuditRecord(AuditKinds.RunSubmitted, draft.CreatedAt, draft.SubmittedBy, draft.Region, draft.Year, draft.RunId, null, null, null));
    }

    /// <summary>
    /// A run sent again: the stored run, unchanged, and a <c>run.submitted</c> entry (in its own
    /// transaction) recording who sent it this time.
    /// </summary>
    protected async Task<RunInfo> ResubmittedAsync(DraftRun draft, CancellationToken cancellationToken)
    {
        var stored = await GetRunAsync(draft.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"run {draft.RunId} was reported stored but cannot be read");
        await AppendAsync(Submitted(draft, stored, alreadyStored: true), cancellationToken).ConfigureAwait(false);
        return stored;
    }

    private string AuditListSql(DbCommand command, AuditQuery query)
    {
        var sql = new StringBuilder($"SELECT {AuditRows.Columns} FROM audit_log WHERE 1 = 1");
        if (query.Since is { } since)
        {
            sql.Append(" AND recorded_at >= @since");
            Add(command, "@since", since.UtcTicks);
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND recorded_at < @until");
            Add(command, "@until", until.UtcTicks);
        }

        if (query.Caller is not null)
        {
            sql.Append(" AND caller = @caller");
            Add(command, "@caller", query.Caller);
        }

        if (query.Kinds is { Count: > 0 } kinds)
        {
            sql.Append(" AND ").Append(InList("kind", "@kinds"));
            AddList(command, "@kinds", [.. kinds]);
        }

        sql.Append(PrefixSql(command, "region", query.RegionPrefixes));
        if (query.AfterSequence is { } after)
        {
            sql.Append(query.NewestFirst ? " AND sequence < @after" : " AND sequence > @after");
            Add(command, "@after", after);
        }

        sql.Append(query.NewestFirst ? " ORDER BY sequence DESC" : " ORDER BY sequence").Append(" LIMIT @limit");
        Add(command, "@limit", query.Limit);
        return sql.ToString();
    }
}
