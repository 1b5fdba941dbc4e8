using MuScore.Store.Audit;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

/// <summary>
/// Changes made with plain SQL behind the store's back, on a chain of six entries, and the first
/// bad entry and damage VerifyAsync names for each (docs/audit.md, "What verify tells apart").
/// </summary>
public abstract partial class RatingStoreContract
{
    private const int ChainLength = 6;

    /// <summary>Swaps every column but the sequence between entries 3 and 4 (portable SQL: a temporary copy).</summary>
    private const string SwapFieldsOf3And4 =
        "CREATE TEMP TABLE swapped AS SELECT * FROM audit_log WHERE sequence IN (3, 4); " +
        "UPDATE audit_log SET kind = (SELECT p.kind FROM swapped p WHERE p.sequence = 7 - audit_log.sequence), " +
        "recorded_at = (SELECT p.recorded_at FROM swapped p WHERE p.sequence = 7 - audit_log.sequence), " +
        "caller = (SELECT p.caller FROM swapped p WHERE p.sequence = 7 - audit_log.sequence), " +
        "region = (SELECT p.region FROM swapped p WHERE p.sequence = 7 - audit_log.sequence), " +
        "detail = (SELECT p.detail FROM swapped p WHERE p.sequence = 7 - audit_log.sequence) WHERE sequence IN (3, 4)";

    [Theory]
    [InlineData("UPDATE audit_log SET caller = 'mallory' WHERE sequence = 3", 3L)]
    [InlineData("UPDATE audit_log SET region = '330100' WHERE sequence = 1", 1L)]
    [InlineData("UPDATE audit_log SET detail = '' WHERE sequence = 2", 2L)]
    [InlineData("UPDATE audit_log SET year = NULL WHERE sequence = 4", 4L)]
    [InlineData("UPDATE audit_log SET recorded_at = recorded_at + 1 WHERE sequence = 5", 5L)]
    [InlineData("UPDATE audit_log SET hash = previous_hash WHERE sequence = 3", 3L)]
    [InlineData("UPDATE audit_log SET previous_hash = hash WHERE sequence = 4", 4L)]
    [InlineData("UPDATE audit_log SET caller = 'mallory' WHERE sequence = 6", 6L)]
    [InlineData("UPDATE audit_log SET recorded_at = 9223372036854775807 WHERE sequence = 2", 2L)]
    [InlineData("UPDATE audit_log SET sequence = 0 WHERE sequence = 1", 1L)]
    public Task Verify_FieldEditedWithSql_EditedAtThatEntry(string sql, long entry) =>
        AssertTamperedAsync(sql, AuditDamage.Edited, entry);

    [Theory]
    [InlineData("DELETE FROM audit_log WHERE sequence = 3", 3L)]
    [InlineData("DELETE FROM audit_log WHERE sequence = 1", 1L)]
    [InlineData("DELETE FROM audit_log WHERE sequence IN (2, 3)", 2L)]
    [InlineData("DELETE FROM audit_log WHERE sequence = 6", 6L)]
    [InlineData("DELETE FROM audit_log WHERE sequence >= 5", 5L)]
    [InlineData("DELETE FROM audit_log", 1L)]
    [InlineData("DELETE FROM audit_log WHERE sequence = 3; UPDATE audit_log SET sequence = -sequence WHERE sequence > 3; UPDATE audit_log SET sequence = -sequence - 1 WHERE sequence < 0", 3L)]
    [InlineData("DELETE FROM audit_log WHERE sequence = 1; UPDATE audit_log SET sequence = -sequence WHERE sequence > 1; UPDATE audit_log SET sequence = -sequence - 1 WHERE sequence < 0", 1L)]
    public Task Verify_EntryDeletedWithSql_DeletedAtTheFirstMissingEntry(string sql, long entry) =>
        AssertTamperedAsync(sql, AuditDamage.Deleted, entry);

    [Theory]
    [InlineData("UPDATE audit_log SET sequence = -1 WHERE sequence = 3; UPDATE audit_log SET sequence = 3 WHERE sequence = 4; UPDATE audit_log SET sequence = 4 WHERE sequence = -1", 3L)]
    [InlineData("UPDATE audit_log SET sequence = -1 WHERE sequence = 2; UPDATE audit_log SET sequence = 2 WHERE sequence = 5; UPDATE audit_log SET sequence = 5 WHERE sequence = -1", 2L)]
    [InlineData("UPDATE audit_log SET sequence = -1 WHERE sequence = 1; UPDATE audit_log SET sequence = 1 WHERE sequence = 2; UPDATE audit_log SET sequence = 2 WHERE sequence = -1", 1L)]
    [InlineData(SwapFieldsOf3And4, 3L)]
    public Task Verify_EntriesSwappedWithSql_ReorderedAtTheFirstMovedEntry(string sql, long entry) =>
        AssertTamperedAsync(sql, AuditDamage.Reordered, entry);

    [Theory]
    [InlineData(3L)]
    [InlineData(6L)]
    public async Task Verify_EntryRewrittenWithARecomputedHash_EditedAtThatEntry(long sequence)
    {
        var entries = await AppendChainAsync();
        var forged = entries[(int)sequence - 1] with { Record = entries[(int)sequence - 1].Record with { Caller = "mallory" } };
        var hash = AuditHash.Compute(forged.Sequence, forged.Record, forged.PreviousHash);

        await ExecuteSqlAsync($"UPDATE audit_log SET caller = 'mallory', hash = '{hash}' WHERE sequence = {sequence}");

        await AssertVerdictAsync(AuditDamage.Edited, sequence);
    }

    [Fact]
    public async Task Verify_ForgedEntryAddedAfterTheHead_EditedAtThatEntry()
    {
        var entries = await AppendChainAsync();
        var record = Record(AuditKinds.RunPublished, 99, caller: "mallory");
        var hash = AuditHash.Compute(7, record, entries[^1].Hash);

        await ExecuteSqlAsync(
            "INSERT INTO audit_log (sequence, kind, recorded_at, caller, region, year, run_id, version, reason, detail, previous_hash, hash) " +
            $"VALUES (7, '{record.Kind}', {record.At.UtcTicks}, 'mallory', '{TestRuns.Region}', {TestRuns.Year}, NULL, NULL, NULL, NULL, '{entries[^1].Hash}', '{hash}')");

        var verification = await AssertVerdictAsync(AuditDamage.Edited, 7);
        Assert.Equal(ChainLength, verification.EntriesChecked);
    }

    [Fact]
    public async Task Verify_HeadRowDeleted_DeletedNamingTheHead()
    {
        await AppendChainAsync();

        await ExecuteSqlAsync("DELETE FROM audit_head");

        var verification = await AssertVerdictAsync(AuditDamage.Deleted, null);
        Assert.Contains("audit_head", verification.Problem, StringComparison.Ordinal);
        Assert.Equal((-1L, string.Empty), (verification.HeadSequence, verification.HeadHash));
    }

    [Fact]
    public async Task Verify_LastEntryDeletedThenMoreAppended_TheGapStillShows()
    {
        await AppendChainAsync();
        await ExecuteSqlAsync("DELETE FROM audit_log WHERE sequence = 6");

        var next = await Audit.AppendAsync(Record(AuditKinds.ServerStarted, 60), None);

        Assert.Equal(7, next.Sequence);
        await AssertVerdictAsync(AuditDamage.Deleted, 6);
    }

    private async Task AssertTamperedAsync(string sql, AuditDamage damage, long entry)
    {
        await AppendChainAsync();

        await ExecuteSqlAsync(sql);

        await AssertVerdictAsync(damage, entry);
    }

    private async Task<AuditVerification> AssertVerdictAsync(AuditDamage damage, long? entry)
    {
        var verification = await Audit.VerifyAsync(None);
        Assert.False(verification.Intact);
        Assert.True((damage, entry) == (verification.Damage, verification.FirstBadSequence), $"expected {damage} at {entry}, got {verification.Damage} at {verification.FirstBadSequence}: {verification.Problem}");
        Assert.StartsWith(damage.ToString().ToLowerInvariant() + ":", verification.Problem, StringComparison.Ordinal);
        if (entry is { } sequence)
        {
            Assert.Contains(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), verification.Problem, StringComparison.Ordinal);
        }

        return verification;
    }

    /// <summary>Six entries of distinct callers, regions, details and times; verified intact before the tampering.</summary>
    private async Task<List<AuditEntry>> AppendChainAsync()
    {
        for (var i = 1; i <= ChainLength; i++)
        {
            await Audit.AppendAsync(Record(i % 2 == 0 ? AuditKinds.ReadsCounted : AuditKinds.CallRefused, i, caller: $"caller{i}", detail: $"{{\"n\":{i}}}") with { Region = $"33108{i}" }, None);
        }

        Assert.True((await Audit.VerifyAsync(None)).Intact);
        return await AuditEntriesAsync();
    }
}
