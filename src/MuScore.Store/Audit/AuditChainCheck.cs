using System.Globalization;

namespace MuScore.Store.Audit;

/// <summary>
/// The verification of a chain, apart from any database: entries are fed in stored sequence order
/// (<see cref="Accept"/>); at the first one that does not check out, the links of every stored
/// entry are fed (<see cref="Observe"/>) to tell an edit from a deletion from a reordering; the
/// head row closes the walk (<see cref="Result"/>). docs/audit.md explains each verdict.
/// </summary>
internal sealed class AuditChainCheck
{
    private long position;
    private string tailHash = AuditHash.Zeros;
    private Suspect? suspect;
    private Finding? finding;

    /// <summary>Whether the walk stopped at an entry that needs <see cref="Observe"/> over every stored entry before <see cref="Result"/>.</summary>
    public bool NeedsLinks => suspect is not null && finding is null;

    /// <summary>Checks the next stored entry; false when it is the first bad one (stop feeding entries).</summary>
    public bool Accept(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var expected = position + 1;
        if (entry.Sequence != expected)
        {
            finding = entry.Sequence > expected
                ? new(AuditDamage.Deleted, expected, entry.Sequence == expected + 1
                    ? Text($"deleted: entry {expected} is missing (the entry after {position} is {entry.Sequence})")
                    : Text($"deleted: entries {expected} to {entry.Sequence - 1} are missing (the entry after {position} is {entry.Sequence})"))
                : new(AuditDamage.Edited, expected, Text($"edited: the entry stored where entry {expected} belongs has sequence number {entry.Sequence}"));
            return false;
        }

        var selfIntact = AuditHash.Compute(entry.Sequence, entry.Record, entry.PreviousHash) == entry.Hash;
        if (selfIntact && entry.PreviousHash == tailHash)
        {
            position = expected;
            tailHash = entry.Hash;
            return true;
        }

        suspect = new Suspect(entry, tailHash);
        if (selfIntact)
        {
            // It hashes right where it is but is chained to another hash than its predecessor's:
            // the predecessor was rewritten with a recomputed hash.
            finding = expected == 1
                ? new(AuditDamage.Edited, 1, "edited: entry 1 was rewritten: its previous hash is not 64 zeros")
                : new(AuditDamage.Edited, position, Text($"edited: entry {position} was rewritten and its hash recomputed: entry {expected} is chained to a different hash"));
        }
        else if (entry.PreviousHash != tailHash && AuditHash.Compute(entry.Sequence, entry.Record, tailHash) == entry.Hash)
        {
            finding = new(AuditDamage.Edited, expected, Text($"edited: entry {expected}'s previous hash was changed"));
        }

        return false;
    }

    /// <summary>A stored entry that cannot even be read (its time is out of range): edited.</summary>
    public void Unreadable(long sequence, string why) =>
        finding = new(AuditDamage.Edited, sequence, Text($"edited: entry {sequence} cannot be read: {why}"));

    /// <summary>The links of one stored entry (any order), after the walk stopped with <see cref="NeedsLinks"/>.</summary>
    public void Observe(long sequence, string previousHash, string hash)
    {
        if (suspect is not { } s || finding is not null)
        {
            return;
        }

        var here = s.Entry.Sequence;
        if (sequence == here)
        {
            return;
        }

        if (s.PredecessorAt is null && hash == s.Entry.PreviousHash)
        {
            s.PredecessorAt = sequence;
        }

        // Only when the link is right but the fields are not: were they moved here from that entry?
        if (s.SwappedWith is null && s.Entry.PreviousHash == s.ExpectedPrevious
            && AuditHash.Compute(sequence, s.Entry.Record, previousHash) == hash)
        {
            s.SwappedWith = sequence;
        }
    }

    /// <summary>The verdict, given the stored head row (null when it is missing).</summary>
    public AuditVerification Result(long? headSequence, string? headHash)
    {
        var (sequence, hash) = (headSequence ?? -1, headHash ?? string.Empty);
        var found = finding ?? Diagnose() ?? HeadFinding(headSequence, headHash);
        if (found is null)
        {
            return new AuditVerification(true, position, sequence, hash, null, null, null);
        }

        // Every entry before the first bad one checked out.
        var good = found.FirstBad is { } bad ? Math.Min(position, bad - 1) : position;
        return new AuditVerification(false, good, sequence, hash, found.FirstBad, found.Damage, found.Problem);
    }

    private Finding? Diagnose()
    {
        if (suspect is not { } s)
        {
            return null;
        }

        var here = s.Entry.Sequence;
        if (s.Entry.PreviousHash == s.ExpectedPrevious)
        {
            return s.SwappedWith is { } other
                ? new(AuditDamage.Reordered, here, Text($"reordered: entry {here} holds the fields of entry {other}: the two were swapped"))
                : new(AuditDamage.Edited, here, Text($"edited: entry {here}'s fields do not match its hash"));
        }

        if (s.Entry.PreviousHash == AuditHash.Zeros)
        {
            return new(AuditDamage.Reordered, here, Text($"reordered: entry {here} is the chain's first entry moved to another place"));
        }

        return s.PredecessorAt is { } at
            ? new(AuditDamage.Reordered, here, Text($"reordered: entry {here} is out of place: it was chained after the entry now stored as {at}"))
            : new(AuditDamage.Deleted, here, Text($"deleted: entry {here} is missing: the entry now stored as {here} was chained to an entry no longer stored (later entries renumbered)"));
    }

    private Finding? HeadFinding(long? headSequence, string? headHash)
    {
        if (headSequence is not { } head || headHash is null)
        {
            return new(AuditDamage.Deleted, null, Text($"deleted: the audit_head row is missing, so the end of the chain (entry {position}) cannot be confirmed"));
        }

        if (head > position)
        {
            var first = position + 1;
            return new(AuditDamage.Deleted, first, head == first
                ? Text($"deleted: entry {first}, the last, is missing: the head records sequence {head}")
                : Text($"deleted: entries {first} to {head}, the last, are missing: the head records sequence {head}"));
        }

        if (head < position)
        {
            return new(AuditDamage.Edited, head + 1, Text($"edited: entries {head + 1} to {position} were added outside the store: the head records sequence {head}"));
        }

        if (headHash != tailHash)
        {
            return position == 0
                ? new(AuditDamage.Edited, null, "edited: the head row of the empty log does not hold 64 zeros")
                : new(AuditDamage.Edited, position, Text($"edited: entry {position}, the last, was rewritten and its hash recomputed (or the head row was edited): the head records hash {headHash}"));
        }

        return null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Finding(AuditDamage Damage, long? FirstBad, string Problem);

    private sealed class Suspect(AuditEntry entry, string expectedPrevious)
    {
        public AuditEntry Entry { get; } = entry;

        /// <summary>The hash of the last good entry (64 zeros at the start).</summary>
        public string ExpectedPrevious { get; } = expectedPrevious;

        /// <summary>The stored sequence number of the entry whose hash this one is chained to.</summary>
        public long? PredecessorAt { get; set; }

        /// <summary>The stored sequence number of the entry whose links these fields hash to.</summary>
        public long? SwappedWith { get; set; }
    }
}
