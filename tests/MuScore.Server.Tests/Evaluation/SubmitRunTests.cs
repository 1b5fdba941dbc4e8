using MuScore.Contracts.V1;
using MuScore.Core.Schemes;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Evaluation;

public sealed class SubmitRunTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private EvaluationService.EvaluationServiceClient Client => fixture.Server.Evaluation;

    [Fact]
    public async Task SubmitRun_SampleInBatches_ReturnsDraftAccountingForEveryRecord()
    {
        var region = Regions.Next();

        var run = await Runs.SubmitAsync(Client, Runs.Header(region, 2024), Records.Sample(region, 2024));

        Assert.Equal(RunState.Draft, run.State);
        Assert.Matches("^[0-9a-f]{64}$", run.RunId);
        Assert.Matches("^[0-9a-f]{64}$", run.InputHash);
        Assert.Equal(SchemeJson.Hash(SchemePresets.Get("zj-standard")), run.SchemeHash);
        Assert.Equal(("zj-standard", region, 2024), (run.SchemeId, run.Region, run.Year));
        Assert.Equal(200, run.RecordCount);
        Assert.Equal(run.RecordCount, run.RatedCount + run.ExcludedCount + run.RejectedCount);
        Assert.Equal(0, run.RejectedCount);
        Assert.True(run.RatedCount > 150, $"rated {run.RatedCount}");
        Assert.Equal(["ABOVE", "BELOW"], run.Pools.Select(p => p.Pool));
        Assert.Equal(run.RatedCount, run.Pools.Sum(p => p.Size));
        Assert.All(run.Pools, p => Assert.Equal(p.Size, p.A + p.B + p.C + p.D));
        Assert.Empty(run.Publications);
    }

    [Fact]
    public async Task SubmitRun_BadAndOtherRegionRecords_RejectsThemByPositionWithReasons()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 20);
        records[4].CreditCode = Records.WithBadCheck(records[4].CreditCode);
        records[9].Tax = "-5";
        records[12].Region = "110101";

        var run = await Runs.SubmitAsync(Client, Runs.Header(region, 2024), records, batchSize: 7);

        Assert.Equal(3, run.RejectedCount);
        Assert.Equal([5, 10, 13], run.Rejected.Select(r => r.RecordNumber));
        var badCode = run.Rejected[0];
        Assert.Equal(records[4].CreditCode, badCode.CreditCode);
        Assert.Contains(badCode.Violations, v => v is { Field: "credit_code", Rule: "credit_code_check" });
        Assert.Contains(run.Rejected[1].Violations, v => v is { Field: "tax", Rule: "negative" });
        Assert.Contains(run.Rejected[2].Violations, v => v is { Field: "region", Rule: "other_region" });
        Assert.All(run.Rejected.SelectMany(r => r.Violations), v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        Assert.Equal(20, run.RatedCount + run.ExcludedCount + run.RejectedCount);
    }

    [Fact]
    public async Task SubmitRun_SameRecordsSingleOrBatched_SameRunId()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 30);

        var batched = await Runs.SubmitAsync(Client, Runs.Header(region, 2024), records, batchSize: 8);
        var single = await Runs.SubmitAsync(Client, Runs.Header(region, 2024), records, batchSize: 1);
        var otherYear = await Runs.SubmitAsync(Client, Runs.Header(region, 2023), Records.Sample(region, 2023, count: 30));

        Assert.Equal(batched.RunId, single.RunId);
        Assert.Equal(batched.InputHash, single.InputHash);
        Assert.NotEqual(batched.RunId, otherYear.RunId);
    }

    [Fact]
    public async Task SubmitRun_InlineSchemeJson_RatesUnderThatScheme()
    {
        var region = Regions.Next();
        var header = new RunHeader { Region = region, Year = 2024, SchemeJson = SchemePresets.GetJson("linhai-2014") };

        var run = await Runs.SubmitAsync(Client, header, Records.Sample(region, 2024, count: 50));

        Assert.Equal("linhai-2014", run.SchemeId);
        Assert.Equal(SchemeJson.Hash(SchemePresets.Get("linhai-2014")), run.SchemeHash);
        Assert.NotEmpty(run.Pools);
    }

    [Fact]
    public async Task GetRun_SubmittedDraft_ReturnsItWithRejectedRecords()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 10);
        records[2].Scale = "HUGE";
        var submitted = await Runs.SubmitAsync(Client, Runs.Header(region, 2024), records);

        var fetched = await Client.GetRunAsync(new GetRunRequest { RunId = submitted.RunId });

        Assert.Equal(submitted, fetched);
        var rejected = Assert.Single(fetched.Rejected);
        Assert.Equal(3, rejected.RecordNumber);
        Assert.Contains(rejected.Violations, v => v is { Field: "scale", Rule: "scale_unknown" });
    }
}
