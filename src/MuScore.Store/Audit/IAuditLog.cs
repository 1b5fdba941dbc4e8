namespace MuScore.Store.Audit;

/// <summary>
/// The append-only, hash-chained record of who changed what is in force (docs/audit.md). Every
/// entry carries a gapless sequence number (1, 2, 3, ...), the hash of the entry before it and its
/// own hash over a canonical form of its fields, so an edit, a deletion or a reordering done behind
/// the store's back shows up in <see cref="VerifyAsync"/>. Appends from several store instances on
/// one database form one linear chain.
/// </summary>
/// <remarks>
/// Every store made by <see cref="RatingStoreFactory.Create"/> is also an <see cref="IAuditLog"/> on
/// the same database (<see cref="RatingStoreFactory.AuditLogOf"/>); its
/// <see cref="IRatingStore.InitializeAsync"/> creates the audit tables, and its saves and publishes
/// append their entries in their own transactions.
/// </remarks>
public interface IAuditLog
{
    /// <summary>Appends one entry at the end of the chain and returns it as stored.</summary>
    /// <exception cref="ArgumentException">
    /// The record breaks a bound: Kind blank or longer than 64 characters, Caller longer than 256,
    /// Reason longer than 1,024, Detail longer than 16,384 UTF-8 bytes, or a NUL character in any text.
    /// </exception>
    /// <exception cref="InvalidDataException">The chain's head row is missing (the log was tampered with); nothing is appended.</exception>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The entries that pass the query's filters, in sequence order (oldest first unless <see cref="AuditQuery.NewestFirst"/>), at most <see cref="AuditQuery.Limit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not 1..<see cref="AuditQuery.MaxLimit"/>.</exception>
    IAsyncEnumerable<AuditEntry> ListAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Walks the whole chain in one consistent snapshot, recomputing every hash and link, and
    /// compares its end with the stored head. Names the first bad entry and what happened to it.
    /// </summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
