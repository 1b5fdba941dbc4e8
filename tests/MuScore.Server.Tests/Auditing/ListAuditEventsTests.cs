using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Security;
using MuScore.Server.Tests.Support;
using MuScore.Store.Audit;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// AuditService.ListAuditEvents over TLS with real tokens: scope audit:read, every filter, the
/// auditor's regions, paging past the store's 1,000 a page, and INVALID_ARGUMENT naming the field.
/// The entries of January 2031 (<see cref="AuditListingFixture"/>): E1 alice 331082 call.refused,
/// E2 bob 331083 run.submitted, E3 carol 350206 run.published, E4 alice reads.counted (no region),
/// E5 alice 330102 call.refused.
/// </summary>
public sealed class ListAuditEventsTests(AuditListingFixture fixture) : IClassFixture<AuditListingFixture>
{
    private static readonly string[] Everywhere = ["*"];
    private static readonly string[] Taizhou = ["3310"];

    [Fact]
    public async Task ListAuditEvents_TokenWithoutAuditRead_PermissionDeniedNamingTheScope()
    {
        var outcome = await CallOutcome.Of(() => fixture.ListAsync(new ListAuditEventsRequest(), Everywhere, scope: "runs:submit runs:publish ratings:read ratings:figures policy:quote"));

        Assert.Equal(StatusCode.PermissionDenied, outcome.Code);
        Assert.Equal("MISSING_SCOPE", outcome.Info?.Reason);
        Assert.Equal("audit:read", outcome.Info?.Metadata["scope"]);
    }

    [Fact]
    public async Task ListAuditEvents_SinceAndUntil_OnlyEventsAtOrAfterSinceAndBeforeUntil()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Since = At(2), Until = At(4) }, Everywhere);

        Assert.Equal(January(2, 3), Sequences(events));
    }

    [Fact]
    public async Task ListAuditEvents_Caller_OnlyThatCallersEvents()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Caller = "alice", Since = At(1), Until = At(6) }, Everywhere);

        Assert.Equal(January(1, 4, 5), Sequences(events));
    }

    [Fact]
    public async Task ListAuditEvents_RegionPrefix_OnlyEventsOfRegionsStartingWithIt()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Region = "3310", Since = At(1), Until = At(6) }, Everywhere);

        Assert.Equal(January(1, 2), Sequences(events));
    }

    [Fact]
    public async Task ListAuditEvents_Kinds_OnlyThoseKinds()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Kinds = { AuditKinds.CallRefused, AuditKinds.ReadsCounted }, Since = At(1), Until = At(6) }, Everywhere);

        Assert.Equal(January(1, 4, 5), Sequences(events));
    }

    [Fact]
    public async Task ListAuditEvents_AfterSequenceAndLimit_TheNextEventsUpToTheLimit()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { AfterSequence = fixture.January[0].Sequence, Limit = 2 }, Everywhere);

        Assert.Equal(January(2, 3), Sequences(events));
    }

    [Fact]
    public async Task ListAuditEvents_AnEvent_CarriesEveryStoredFieldAndBothHashes()
    {
        var stored = fixture.January[2];

        var listed = Assert.Single(await fixture.ListAsync(new ListAuditEventsRequest { Caller = "carol" }, Everywhere));

        var record = stored.Record;
        Assert.Equal(
            (stored.Sequence, record.Kind, record.At, record.Caller, record.Region, record.Year, record.RunId, record.Version, record.Reason, string.Empty, stored.PreviousHash, stored.Hash),
            (listed.Sequence, listed.Kind, listed.At.ToDateTimeOffset(), listed.Caller, listed.Region, (int?)listed.Year, listed.RunId, (int?)listed.Version, listed.Reason, listed.Detail, listed.PreviousHash, listed.Hash));
    }

    [Fact]
    public async Task ListAuditEvents_TaizhouAuditor_OnlyEventsOfTaizhouRegionsNoneWithoutRegion()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Until = At(6), Limit = 100_000 }, Taizhou);

        Assert.Equal(January(1, 2), Sequences(events));
        Assert.DoesNotContain(events, e => e.Kind == AuditKinds.ServerStarted);
    }

    [Fact]
    public async Task ListAuditEvents_EveryRegionAuditor_SeesEverythingIncludingServerStartAndEventsWithoutRegion()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Until = At(6), Limit = 100_000 }, Everywhere);

        Assert.Equal(AuditKinds.ServerStarted, events[0].Kind);
        Assert.Equal(1, events[0].Sequence);
        Assert.Equal(January(1, 2, 3, 4, 5), Sequences(events.Skip(events.Count - 5)));
    }

    [Fact]
    public async Task ListAuditEvents_PrefixWiderThanTheAuditors_NarrowedToTheAuditorsRegions()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Region = "33", Until = At(6) }, Taizhou);

        Assert.Equal(January(1, 2), Sequences(events));
    }

    [Fact]
    public async Task ListAuditEvents_RegionOutsideTheAuditors_PermissionDeniedRegionNotAllowed()
    {
        var outcome = await CallOutcome.Of(() => fixture.ListAsync(new ListAuditEventsRequest { Region = "3502" }, Taizhou));

        Assert.Equal(StatusCode.PermissionDenied, outcome.Code);
        Assert.Equal("REGION_NOT_ALLOWED", outcome.Info?.Reason);
        Assert.Equal(("3502", "region"), (outcome.Info?.Metadata["region"], outcome.Info?.Metadata["field"]));
    }

    [Fact]
    public async Task ListAuditEvents_LimitAboveOneStorePage_StreamsEveryEventInOrder()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Caller = AuditListingFixture.Bulk, Limit = AuditListingFixture.BulkCount }, Everywhere);

        Assert.Equal(AuditListingFixture.BulkCount, events.Count);
        var first = events[0].Sequence;
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => first + i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ListAuditEvents_NoLimit_TheDefaultThousand()
    {
        var events = await fixture.ListAsync(new ListAuditEventsRequest { Caller = AuditListingFixture.Bulk }, Everywhere);

        Assert.Equal(1000, events.Count);
    }

    [Theory]
    [InlineData("limit", "negative limit")]
    [InlineData("limit", "limit over 100,000")]
    [InlineData("after_sequence", "negative after_sequence")]
    [InlineData("region", "one digit")]
    [InlineData("region", "a letter")]
    [InlineData("caller", "257 characters")]
    [InlineData("kinds[1]", "an unknown second kind")]
    [InlineData("until", "until equal to since")]
    [InlineData("since", "negative nanos")]
    [InlineData("until", "after year 9999")]
    public async Task ListAuditEvents_BadFilter_InvalidArgumentNamingTheField(string field, string filter)
    {
        var request = filter switch
        {
            "negative limit" => new ListAuditEventsRequest { Limit = -1 },
            "limit over 100,000" => new ListAuditEventsRequest { Limit = 100_001 },
            "negative after_sequence" => new ListAuditEventsRequest { AfterSequence = -1 },
            "one digit" => new ListAuditEventsRequest { Region = "3" },
            "a letter" => new ListAuditEventsRequest { Region = "33a1" },
            "257 characters" => new ListAuditEventsRequest { Caller = new string('c', 257) },
            "an unknown second kind" => new ListAuditEventsRequest { Kinds = { AuditKinds.RunPublished, "run.deleted" } },
            "until equal to since" => new ListAuditEventsRequest { Since = At(4), Until = At(4) },
            "negative nanos" => new ListAuditEventsRequest { Since = new Timestamp { Seconds = 0, Nanos = -1 } },
            "after year 9999" => new ListAuditEventsRequest { Until = new Timestamp { Seconds = 253_402_300_800 } },
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "no such case"),
        };

        var violations = await RpcAssert.InvalidArgument(() => fixture.ListAsync(request, Everywhere));

        Assert.Contains(field, violations.Select(v => v.Field));
    }

    private static Timestamp At(int day) => Timestamp.FromDateTimeOffset(AuditListingFixture.Day(day));

    private static List<long> Sequences(IEnumerable<AuditEvent> events) => [.. events.Select(e => e.Sequence)];

    /// <summary>The sequence numbers of January's entries E<paramref name="numbers"/>.</summary>
    private List<long> January(params int[] numbers) => [.. numbers.Select(n => fixture.January[n - 1].Sequence)];
}
