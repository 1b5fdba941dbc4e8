using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// EvaluationService checks regions too: the run GetRun and PublishRun name, ListRuns' region (or,
/// without one, the caller's own regions), and SubmitRun's header. Linhai (331082) is inside a
/// Taizhou ("3310") caller's prefix; Xiamen Huli (350206) and the fresh test regions are not.
/// </summary>
public sealed class EvaluationRegionTests(AuditedServerFixture fixture) : IClassFixture<AuditedServerFixture>
{
    private const string Taizhou = "3310";
    private const string Linhai = "331082";
    private const string Huli = "350206";

    [Fact]
    public async Task GetRun_RunOfAForeignRegion_PermissionDeniedRegionNotAllowed()
    {
        var run = await SubmitAsEveryRegionAsync(Regions.Next(), 2024);
        using var taizhou = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, Taizhou);

        var outcome = await CallOutcome.Of(() => Evaluation(taizhou).GetRunAsync(new GetRunRequest { RunId = run.RunId }).ResponseAsync);

        AssertRegionDenied(outcome, run.Region, "run_id");
    }

    [Fact]
    public async Task PublishRun_RunOfAForeignRegion_PermissionDeniedAndNothingPublished()
    {
        var run = await SubmitAsEveryRegionAsync(Regions.Next(), 2024);
        using var taizhou = fixture.As(Callers.Unique("head"), Callers.HeadScope, Taizhou);

        var outcome = await CallOutcome.Of(() => Evaluation(taizhou).PublishRunAsync(new PublishRunRequest { RunId = run.RunId }).ResponseAsync);

        AssertRegionDenied(outcome, run.Region, "run_id");
        using var everywhere = fixture.As(Callers.Unique("head"), Callers.HeadScope, "*");
        Assert.Empty((await Evaluation(everywhere).GetRunAsync(new GetRunRequest { RunId = run.RunId })).Publications);
    }

    [Fact]
    public async Task ListRuns_AForeignRegion_PermissionDeniedNamingIt()
    {
        using var taizhou = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, Taizhou);

        var outcome = await CallOutcome.Of(() => Evaluation(taizhou).ListRunsAsync(new ListRunsRequest { Region = Huli }).ResponseAsync);

        AssertRegionDenied(outcome, Huli, "region");
    }

    [Fact]
    public async Task ListRuns_NoRegionByATaizhouCaller_ListsOnlyRunsOfTaizhouRegions()
    {
        var linhai = await SubmitAsEveryRegionAsync(Linhai, 2022);
        var huli = await SubmitAsEveryRegionAsync(Huli, 2022);
        using var taizhou = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, Taizhou);
        using var everywhere = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, "*");

        var listed = (await Evaluation(taizhou).ListRunsAsync(new ListRunsRequest { PageSize = 500 })).Runs;

        Assert.Contains(linhai.RunId, listed.Select(r => r.RunId));
        Assert.DoesNotContain(huli.RunId, listed.Select(r => r.RunId));
        Assert.All(listed, r => Assert.StartsWith(Taizhou, r.Region, StringComparison.Ordinal));
        Assert.Contains(huli.RunId, (await Evaluation(everywhere).ListRunsAsync(new ListRunsRequest { PageSize = 500 })).Runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task SubmitRun_HeaderRegionForeign_PermissionDeniedOnHeaderRegionAndNothingStored()
    {
        using var taizhou = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, Taizhou);

        var outcome = await CallOutcome.Of(() => SubmitRefusedEarlyAsync(Evaluation(taizhou), Runs.Header(Huli, 2021), SmallRun.Records(Huli)));

        AssertRegionDenied(outcome, Huli, "header.region");
        using var everywhere = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, "*");
        Assert.Empty((await Evaluation(everywhere).ListRunsAsync(new ListRunsRequest { Region = Huli, Year = 2021 })).Runs);
    }

    [Fact]
    public async Task SubmitRun_ARecordOfAForeignRegion_PermissionDeniedNamingTheRecordAndNothingStored()
    {
        // Linhai's run, with one Xiamen record slipped in as the third: the Taizhou clerk may not send it.
        var records = SmallRun.Records(Linhai);
        records[2].Region = Huli;
        using var taizhou = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, Taizhou);

        var outcome = await CallOutcome.Of(() => SubmitRefusedEarlyAsync(Evaluation(taizhou), Runs.Header(Linhai, 2019), records));

        AssertRegionDenied(outcome, Huli, "record[3].region");
        using var everywhere = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, "*");
        Assert.Empty((await Evaluation(everywhere).ListRunsAsync(new ListRunsRequest { Region = Linhai, Year = 2019 })).Runs);
    }

    [Fact]
    public async Task SubmitRun_ARecordOfAnotherRegionInsideThePrefix_RatedAsBeforeAndRejectedOtherRegion()
    {
        // Jiaojiang (331002) is Taizhou too: the record is the rating's business (other_region), not a refusal.
        var records = SmallRun.Records(Linhai);
        records[2].Region = "331002";
        using var taizhou = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, Taizhou);

        var run = await Runs.SubmitAsync(Evaluation(taizhou), Runs.Header(Linhai, 2018), records);

        var rejected = Assert.Single(run.Rejected, r => r.RecordNumber == 3);
        Assert.Contains(rejected.Violations, v => v.Rule == "other_region");
    }

    private static EvaluationService.EvaluationServiceClient Evaluation(GrpcChannel channel) => new(channel);

    /// <summary>
    /// The server refuses as soon as it reads the offending message, possibly while the client is
    /// still writing; the status is the response's, whatever the writes ran into.
    /// </summary>
    private static Task<SubmitRunResponse> SubmitRefusedEarlyAsync(EvaluationService.EvaluationServiceClient client, RunHeader header, IEnumerable<EnterpriseRecord> records) =>
        Runs.SubmitRawAsync(client, [new SubmitRunRequest { Header = header }, .. records.Select(r => new SubmitRunRequest { Record = r })]);

    private async Task<Run> SubmitAsEveryRegionAsync(string region, int year)
    {
        using var clerk = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, "*");
        return await Runs.SubmitAsync(Evaluation(clerk), Runs.Header(region, year), SmallRun.Records(region));
    }

    private static void AssertRegionDenied(CallOutcome outcome, string region, string field)
    {
        Assert.Equal(StatusCode.PermissionDenied, outcome.Code);
        Assert.Equal("REGION_NOT_ALLOWED", outcome.Info?.Reason);
        Assert.Equal(region, outcome.Info?.Metadata["region"]);
        Assert.Equal(field, outcome.Info?.Metadata["field"]);
    }
}
