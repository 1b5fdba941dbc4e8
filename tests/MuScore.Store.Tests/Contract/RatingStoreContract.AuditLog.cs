using System.Text;
using MuScore.Store.Audit;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

/// <summary>Appending records the server writes itself, listing with filters, the bounds, concurrent appenders.</summary>
public abstract partial class RatingStoreContract
{
    [Fact]
    public async Task Append_RecordsOfEveryKind_ChainedAndReadBackEqual()
    {
        var counts = """{"hour":"2026-12-06T21:00:00Z","counts":{"GetRating":123,"ListRatings":4}}""";
        var records = new[]
        {
            new AuditRecord(AuditKinds.ServerStarted, TestRuns.Created, "server", null, null, null, null, null, """{"instance":"a"}"""),
            new AuditRecord(AuditKinds.CallRefused, TestRuns.Created.AddSeconds(1), "mallory", "331082", 2024, "run", null, "four eyes: the submitter may not publish", null),
            new AuditRecord(AuditKinds.ReadsCounted, new DateTimeOffset(2026, 12, 6, 22, 0, 0, TimeSpan.FromHours(8)), "insurer-7", "331082", null, null, null, null, counts),
        };

        var appended = new List<AuditEntry>();
        foreach (var record in records)
        {
            appended.Add(await Audit.AppendAsync(record, None));
        }

        Assert.Equal(appended, await AuditEntriesAsync());
        Assert.Equal(TimeSpan.Zero, appended[2].Record.At.Offset);
        Assert.Equal(records[2].At, appended[2].Record.At);
        Assert.Equal([appended[0].Hash, appended[1].Hash], appended.Skip(1).Select(e => e.PreviousHash));
    }

    [Fact]
    public async Task Append_NullAndEmptyText_StoredApartAndHashedApart()
    {
        var withNull = await Audit.AppendAsync(Record("k", region: null, detail: null), None);
        var withEmpty = await Audit.AppendAsync(Record("k", region: string.Empty, detail: string.Empty), None);

        var entries = await AuditEntriesAsync();
        Assert.Equal((null, null), (entries[0].Record.Region, entries[0].Record.Detail));
        Assert.Equal((string.Empty, string.Empty), (entries[1].Record.Region, entries[1].Record.Detail));
        Assert.NotEqual(
            AuditHash.Compute(1, withNull.Record, withNull.PreviousHash),
            AuditHash.Compute(1, withEmpty.Record, withNull.PreviousHash));
        Assert.True((await Audit.VerifyAsync(None)).Intact);
    }

    [Fact]
    public async Task Append_RecordsAtTheBounds_StoredAndBeyondThem_RefusedWithNothingWritten()
    {
        var detail = "{\"pad\":\"" + new string('数', (AuditLimits.MaxDetailBytes - 10) / 3) + "\"}";
        detail += new string(' ', AuditLimits.MaxDetailBytes - Encoding.UTF8.GetByteCount(detail));
        var largest = Record("reads.counted", caller: new string('c', 256), detail: detail) with { Reason = new string('r', 1024) };

        var stored = await Audit.AppendAsync(largest, None);

        Assert.Equal(largest, (await AuditEntriesAsync()).Single().Record);
        Assert.Equal(AuditLimits.MaxDetailBytes, Encoding.UTF8.GetByteCount(stored.Record.Detail!));
        AuditRecord[] refused =
        [
            largest with { Caller = new string('c', 257) },
            largest with { Reason = new string('r', 1025) },
            largest with { Detail = detail + " " },
            largest with { Kind = " " },
            largest with { Caller = "nul\0here" },
            largest with { Detail = "lone \ud800 surrogate" },
        ];
        foreach (var record in refused)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Audit.AppendAsync(record, None));
        }

        Assert.Single(await AuditEntriesAsync());
    }

    [Fact]
    public async Task List_Filters_TimeCallerRegionPrefixesKindsAndPaging()
    {
        await Audit.AppendAsync(Record(AuditKinds.ServerStarted, 0, caller: "server", region: null), None);
        await Audit.AppendAsync(Record(AuditKinds.CallRefused, 1, caller: "mallory", region: "331082"), None);
        await Audit.AppendAsync(Record(AuditKinds.ReadsCounted, 2, caller: "insurer", region: "331002"), None);
        await Audit.AppendAsync(Record(AuditKinds.ReadsCounted, 3, caller: "insurer", region: "110101"), None);
        await Audit.AppendAsync(Record(AuditKinds.CallRefused, 4, caller: "mallory", region: "330100"), None);

        Assert.Equal([2L, 3, 4], await Sequences(new AuditQuery(TestRuns.Created.AddMinutes(1), TestRuns.Created.AddMinutes(4), null, null, null, null, 10)));
        Assert.Equal([3L, 4], await Sequences(new AuditQuery(null, null, "insurer", null, null, null, 10)));
        Assert.Equal([2L, 3], await Sequences(new AuditQuery(null, null, null, ["3310"], null, null, 10)));
        Assert.Equal([1L, 2, 3, 4, 5], await Sequences(new AuditQuery(null, null, null, ["*"], null, null, 10)));
        Assert.Empty(await Sequences(new AuditQuery(null, null, null, [], null, null, 10)));
        Assert.Equal([2L, 5], await Sequences(new AuditQuery(null, null, null, null, [AuditKinds.CallRefused], null, 10)));
        Assert.Equal([1L, 2, 3, 4, 5], await Sequences(new AuditQuery(null, null, null, null, [], null, 10)));
        Assert.Equal([3L, 4], await Sequences(new AuditQuery(null, null, null, null, null, 2, 2)));
        Assert.Equal([5L, 4], await Sequences(new AuditQuery(null, null, null, null, null, null, 2, NewestFirst: true)));
        Assert.Equal([3L, 2], await Sequences(new AuditQuery(null, null, null, null, null, 4, 2, NewestFirst: true)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sequences(new AuditQuery(null, null, null, null, null, null, 0)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sequences(new AuditQuery(null, null, null, null, null, null, AuditQuery.MaxLimit + 1)));
    }

    [Fact]
    public async Task Append_TwoStoreInstancesInParallel_OneChainWithoutGapsOrForks()
    {
        const int PerInstance = 25;
        var other = RatingStoreFactory.AuditLogOf(await OpenAsync());

        await Task.WhenAll(Enumerable.Range(0, 2 * PerInstance).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Audit : other).AppendAsync(Record(AuditKinds.ReadsCounted, i, caller: $"c{i}"), None))));

        var entries = await AuditEntriesAsync(other);
        Assert.Equal(Enumerable.Range(1, 2 * PerInstance).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(2 * PerInstance, entries.Select(e => e.Record.Caller).Distinct().Count());
        Assert.Equal(new AuditVerification(true, 2 * PerInstance, 2 * PerInstance, entries[^1].Hash, null, null, null), await Audit.VerifyAsync(None));
    }

    [Fact]
    public async Task Verify_WhileAnotherInstanceAppends_AlwaysIntact()
    {
        var other = RatingStoreFactory.AuditLogOf(await OpenAsync());
        var appending = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await other.AppendAsync(Record(AuditKinds.ReadsCounted, i), None);
            }
        });

        var verifications = new List<AuditVerification>();
        while (!appending.IsCompleted)
        {
            verifications.Add(await Audit.VerifyAsync(None));
        }

        await appending;
        verifications.Add(await Audit.VerifyAsync(None));
        Assert.All(verifications, v => Assert.True(v.Intact, v.Problem));
        Assert.Equal(40, verifications[^1].EntriesChecked);
    }

    private async Task<List<long>> Sequences(AuditQuery query)
    {
        var sequences = new List<long>();
        await foreach (var entry in Audit.ListAsync(query, None))
        {
            sequences.Add(entry.Sequence);
        }

        return sequences;
    }
}
