namespace MuScore.Store.Audit;

/// <summary>What happened, to be appended to the audit log.</summary>
/// <param name="Kind">One of <see cref="AuditKinds"/> (1 to 64 characters).</param>
/// <param name="At">When; stored in UTC to the tick (100 ns).</param>
/// <param name="Caller">Who (the caller id, at most 256 characters; may be empty).</param>
/// <param name="Region">The region concerned, if any.</param>
/// <param name="Year">The year concerned, if any.</param>
/// <param name="RunId">The run concerned, if any.</param>
/// <param name="Version">The publication version concerned, if any.</param>
/// <param name="Reason">Why, as the caller wrote it (at most 1,024 characters).</param>
/// <param name="Detail">Anything else, usually JSON (at most 16,384 UTF-8 bytes).</param>
public sealed record AuditRecord(
    string Kind,
    DateTimeOffset At,
    string Caller,
    string? Region,
    int? Year,
    string? RunId,
    int? Version,
    string? Reason,
    string? Detail);

/// <summary>One stored entry of the chain.</summary>
/// <param name="Sequence">Its place in the chain: 1, 2, 3, ... without gaps.</param>
/// <param name="Record">What it records (its time in UTC).</param>
/// <param name="PreviousHash">The hash of entry <c>Sequence − 1</c>; 64 zeros for entry 1.</param>
/// <param name="Hash">Lower-case hex SHA-256 of the entry's canonical form (docs/audit.md).</param>
public sealed record AuditEntry(long Sequence, AuditRecord Record, string PreviousHash, string Hash);

/// <summary>A filter over the audit log.</summary>
/// <param name="Since">Only entries at or after this instant.</param>
/// <param name="Until">Only entries strictly before this instant.</param>
/// <param name="Caller">Only entries of this caller (exact).</param>
/// <param name="RegionPrefixes">
/// Only entries whose region starts with one of these. Null, or a list holding "*", means no
/// restriction; otherwise entries without a region are left out, and an empty list matches none.
/// </param>
/// <param name="Kinds">Only entries of these kinds; null or empty for all.</param>
/// <param name="AfterSequence">
/// Continue after this sequence number in listing order: entries with a higher number (oldest
/// first) or a lower one (<paramref name="NewestFirst"/>). Null to start at the beginning (or end).
/// </param>
/// <param name="Limit">At most this many entries (1..<see cref="MaxLimit"/>).</param>
/// <param name="NewestFirst">List from the newest entry back.</param>
public sealed record AuditQuery(
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    string? Caller,
    IReadOnlyList<string>? RegionPrefixes,
    IReadOnlyList<string>? Kinds,
    long? AfterSequence,
    int Limit,
    bool NewestFirst = false)
{
    /// <summary>The largest <see cref="Limit"/>.</summary>
    public const int MaxLimit = 1000;
}

/// <summary>What was done to a broken chain.</summary>
public enum AuditDamage
{
    /// <summary>An entry's fields or hash were changed (or an entry was rewritten with a fresh hash, or added outside the store).</summary>
    Edited,

    /// <summary>One or more entries were removed (with or without renumbering the rest), or the head row.</summary>
    Deleted,

    /// <summary>Entries were moved: contents or sequence numbers exchanged.</summary>
    Reordered,
}

/// <summary>The result of walking the chain.</summary>
/// <param name="Intact">Whether every entry and the head check out.</param>
/// <param name="EntriesChecked">Entries found good before the first problem (all of them when intact).</param>
/// <param name="HeadSequence">The sequence number the head row records (0 for an empty log, −1 when the head row is missing).</param>
/// <param name="HeadHash">The hash the head row records (64 zeros for an empty log, empty when missing): export it to guard against a rewrite of the whole chain.</param>
/// <param name="FirstBadSequence">The sequence number of the first bad entry (docs/audit.md says which for each damage); null when intact or when only the head row is damaged.</param>
/// <param name="Damage">What happened; null when intact.</param>
/// <param name="Problem">A sentence starting with "edited", "deleted" or "reordered" that names the entry; null when intact.</param>
public sealed record AuditVerification(
    bool Intact,
    long EntriesChecked,
    long HeadSequence,
    string HeadHash,
    long? FirstBadSequence,
    AuditDamage? Damage,
    string? Problem);
