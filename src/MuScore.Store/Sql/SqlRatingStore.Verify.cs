using MuScore.Store.Audit;

namespace MuScore.Store.Sql;

internal abstract partial class SqlRatingStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// One snapshot for the head and every entry, so appends committing meanwhile (from this or
    /// another instance) never look like damage. Entries are streamed, not held; only when one does
    /// not check out is the table read a second time, for the links that tell an edit from a
    /// deletion from a reordering.
    /// </remarks>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        (long? Sequence, string? Hash) head = (null, null);
        await using (var command = Command(connection, transaction, AuditRows.ReadHead))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                head = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        var check = new AuditChainCheck();
        await using (var command = Command(connection, transaction, $"SELECT {AuditRows.Columns} FROM audit_log ORDER BY sequence"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                AuditEntry entry;
                try
                {
                    entry = AuditRows.Read(reader);
                }
                catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException or InvalidCastException)
                {
                    // A time past year 9999, a year or version beyond int: only a hand-edited row holds one.
                    check.Unreadable(reader.GetInt64(0), e.Message);
                    break;
                }

                if (!check.Accept(entry))
                {
                    break;
                }
            }
        }

        if (check.NeedsLinks)
        {
            await using var command = Command(connection, transaction, "SELECT sequence, previous_hash, hash FROM audit_log ORDER BY sequence");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                check.Observe(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return check.Result(head.Sequence, head.Hash);
    }
}
