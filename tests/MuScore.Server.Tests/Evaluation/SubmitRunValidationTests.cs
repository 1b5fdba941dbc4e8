using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Evaluation;

public sealed class SubmitRunValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private EvaluationService.EvaluationServiceClient Client => fixture.Server.Evaluation;

    private static SubmitRunRequest Record(EnterpriseRecord record) => new() { Record = record };

    private static SubmitRunRequest Header(RunHeader header) => new() { Header = header };

    [Fact]
    public async Task SubmitRun_RecordBeforeHeader_InvalidArgumentNamingHeader()
    {
        var region = Regions.Next();
        var messages = new[] { Record(Records.Enterprise(1, region)), Header(Runs.Header(region, 2024)) };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, messages));

        RpcAssert.HasViolation(violations, "header", "required");
    }

    [Fact]
    public async Task SubmitRun_EmptyStream_InvalidArgumentNamingHeader()
    {
        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, []));

        RpcAssert.HasViolation(violations, "header", "required");
    }

    [Fact]
    public async Task SubmitRun_HeaderOnly_InvalidArgumentNoRecords()
    {
        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, [Header(Runs.Header(Regions.Next(), 2024))]));

        RpcAssert.HasViolation(violations, "record", "required");
    }

    [Fact]
    public async Task SubmitRun_SecondHeader_InvalidArgument()
    {
        var region = Regions.Next();
        var messages = new[] { Header(Runs.Header(region, 2024)), Record(Records.Enterprise(1, region)), Header(Runs.Header(region, 2024)) };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, messages));

        RpcAssert.HasViolation(violations, "header", "header_repeated");
    }

    [Fact]
    public async Task SubmitRun_BadRegionAndYear_ListsBothViolations()
    {
        var messages = new[] { Header(new RunHeader { Region = "33108", Year = 1800, SchemeName = "zj-standard" }), Record(Records.Enterprise(1, "331082")) };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, messages));

        RpcAssert.HasViolation(violations, "header.region", "region_format");
        RpcAssert.HasViolation(violations, "header.year", "year_range");
    }

    [Fact]
    public async Task SubmitRun_MissingRegionAndScheme_ListsBothViolations()
    {
        var messages = new[] { Header(new RunHeader { Year = 2024 }), Record(Records.Enterprise(1, "331082")) };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, messages));

        RpcAssert.HasViolation(violations, "header.region", "required");
        RpcAssert.HasViolation(violations, "header.scheme", "required");
    }

    [Fact]
    public async Task SubmitRun_UnknownPreset_InvalidArgumentListingKnownNames()
    {
        var region = Regions.Next();
        var messages = new[] { Header(Runs.Header(region, 2024, scheme: "zj-deluxe")), Record(Records.Enterprise(1, region)) };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, messages));

        RpcAssert.HasViolation(violations, "header.scheme_name", "unknown");
        Assert.Contains("zj-standard", violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitRun_MalformedSchemeJson_ViolationAtDocument()
    {
        var region = Regions.Next();
        var header = new RunHeader { Region = region, Year = 2024, SchemeJson = "{ \"id\": " };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, [Header(header), Record(Records.Enterprise(1, region))]));

        RpcAssert.HasViolation(violations, "header.scheme_json", "scheme_invalid");
        Assert.Contains("line 1", violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitRun_SchemeJsonBreakingARule_ViolationAtJsonPath()
    {
        var region = Regions.Next();
        var json = Core.Schemes.SchemePresets.GetJson("zj-standard").Replace("\"weight\": 30", "\"weight\": -30", StringComparison.Ordinal);
        Assert.Contains("-30", json, StringComparison.Ordinal);
        var header = new RunHeader { Region = region, Year = 2024, SchemeJson = json };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, [Header(header), Record(Records.Enterprise(1, region))]));

        var violation = Assert.Single(violations);
        Assert.Equal("scheme_invalid", violation.Reason);
        Assert.StartsWith("header.scheme_json.pools[0].indicators[0].weight", violation.Field, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitRun_EmptyMessage_InvalidArgument()
    {
        var region = Regions.Next();
        var messages = new[] { Header(Runs.Header(region, 2024)), new SubmitRunRequest() };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, messages));

        RpcAssert.HasViolation(violations, "item", "required");
    }
}
