using Grpc.Core;
using MuScore.Contracts.V1;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Every RPC that names a region checks it against the caller's prefixes: exact, shorter
/// prefixes and "*" are allowed; anything else is PERMISSION_DENIED naming the region.
/// Requests name Linhai (331082).
/// </summary>
public sealed class RegionTests(SecuredServerFixture fixture) : IClassFixture<SecuredServerFixture>
{
    private const string Scope = "ratings:read policy:quote review:manage notice:read objections:file";

    /// <summary>Prefix sets (space-separated) under which 331082 falls.</summary>
    private static readonly string[] Covering = ["331082", "33108", "3310", "33", "*", "3502 3310"];

    /// <summary>Prefix sets that leave 331082 out: another province, a sibling county, a sibling city, a longer code, none.</summary>
    private static readonly string[] Foreign = ["3502", "331083", "3311", "3310820", ""];

    public static TheoryData<string, string> RegionalMethodsUnderCoveringPrefixes() => Cross(Covering);

    public static TheoryData<string, string> RegionalMethodsUnderForeignPrefixes() => Cross(Foreign);

    [Theory]
    [MemberData(nameof(RegionalMethodsUnderCoveringPrefixes))]
    public async Task Call_CallerPrefixCoversTheRegion_IsHandled(string method, string prefixes)
    {
        using var channel = fixture.As(Scope, Split(prefixes));

        var outcome = await RpcSamples.CallAsync(method, channel);

        Assert.Equal(RpcSamples.Handled(method), outcome.Code);
    }

    [Theory]
    [MemberData(nameof(RegionalMethodsUnderForeignPrefixes))]
    public async Task Call_RegionOutsideCallerPrefixes_PermissionDeniedNamingTheRegion(string method, string prefixes)
    {
        using var channel = fixture.As(Scope, Split(prefixes));

        var outcome = await RpcSamples.CallAsync(method, channel);

        var field = method.EndsWith("/QuoteTariffs", StringComparison.Ordinal) ? "items[0].region" : "region";
        AssertRegionDenied(outcome, RpcSamples.Region, field);
    }

    [Fact]
    public async Task QuoteTariffs_OneItemInAForeignRegion_PermissionDeniedNamingThatItem()
    {
        using var channel = fixture.As(Scope, "33");
        var client = new PolicyService.PolicyServiceClient(channel);
        var request = new QuoteTariffsRequest { Items = { RpcSamples.Tariff("331082"), RpcSamples.Tariff("350206"), RpcSamples.Tariff("330102") } };

        var outcome = await CallOutcome.Of(() => client.QuoteTariffsAsync(request).ResponseAsync);

        AssertRegionDenied(outcome, "350206", "items[1].region");
    }

    [Fact]
    public async Task QuoteTariffs_ItemsInTwoRegionsBothCovered_QuotesEveryItem()
    {
        using var channel = fixture.As(Scope, "3310", "3502");
        var client = new PolicyService.PolicyServiceClient(channel);

        var response = await client.QuoteTariffsAsync(new QuoteTariffsRequest { Items = { RpcSamples.Tariff("331082"), RpcSamples.Tariff("350206") } });

        Assert.Equal(["331082", "350206"], response.Quotes.Select(q => q.Region));
    }

    [Fact]
    public async Task GetRating_CertificateCallerOutsideItsMappedRegions_PermissionDenied()
    {
        // Regions of a certificate caller come from its mapping (3310), as a token's come from its claim.
        using var channel = fixture.Server.ChannelAs(null, fixture.ThumbprintClient);
        var client = new RatingService.RatingServiceClient(channel);

        var inside = await CallOutcome.Of(() => client.GetRatingAsync(new GetRatingRequest { Region = "331082", CreditCode = Support.Records.Code(1, "331082") }).ResponseAsync);
        var outside = await CallOutcome.Of(() => client.GetRatingAsync(new GetRatingRequest { Region = "330102", CreditCode = Support.Records.Code(1, "330102") }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, inside.Code);
        AssertRegionDenied(outside, "330102", "region");
    }

    private static TheoryData<string, string> Cross(string[] prefixSets)
    {
        var data = new TheoryData<string, string>();
        foreach (var method in RpcSamples.Regional)
        {
            foreach (var prefixes in prefixSets)
            {
                data.Add(method, prefixes);
            }
        }

        return data;
    }

    private static string[] Split(string prefixes) => prefixes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void AssertRegionDenied(CallOutcome outcome, string region, string field)
    {
        Assert.Equal(StatusCode.PermissionDenied, outcome.Code);
        Assert.NotNull(outcome.Info);
        Assert.Equal("muscore", outcome.Info.Domain);
        Assert.Equal("REGION_NOT_ALLOWED", outcome.Info.Reason);
        Assert.Equal(region, outcome.Info.Metadata["region"]);
        Assert.Equal(field, outcome.Info.Metadata["field"]);
        Assert.Contains(region, outcome.Message, StringComparison.Ordinal);
    }
}
