using Google.Protobuf;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Security;
using MuScore.Server.Tests.Support;
using Xunit.Abstractions;

namespace MuScore.Server.Tests.Policies;

/// <summary>
/// QuoteTariffs at its documented maximum must reach a client with default channel options
/// (4 MB receive limit): each policy is listed once per answer and quotes refer to it by index.
/// </summary>
public sealed class QuoteTariffsSizeTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    // TariffRequests.MaxItems: the documented maximum (docs/policy-service.md, Batch answers).
    private const int MaxItems = 2_500;
    private const int DefaultReceiveLimit = 4 * 1024 * 1024;

    [Fact]
    public async Task QuoteTariffs_MaximumOfTheLargestQuotes_FitsADefaultClientAndResolvesEachPolicy()
    {
        // The largest quote there is: QUOTED (rating, applied policy, amount) with every row of
        // shandong-2022 as a candidate, all matching (D three years running). Every item asks it.
        var region = PolicyRuns.NextShandong();
        var vetoed = Records.Enterprise(1, region, tax: 500m);
        vetoed.FailsStandards = "是";
        var billing = PolicyRuns.ChinaToday().AddDays(1);
        foreach (var year in new[] { billing.Year - 3, billing.Year - 2, billing.Year - 1 })
        {
            var records = Records.Sample(region, year, count: 40);
            records.Add(vetoed);
            await Runs.PublishAsync(fixture.Server.Evaluation, Runs.Header(region, year), records);
        }

        var item = QuoteTariffTests.Query(vetoed.CreditCode, region, billing, quantity: "123456789.12");
        var request = new QuoteTariffsRequest();
        request.Items.AddRange(Enumerable.Repeat(item, MaxItems));

        // Default options on purpose: no MaxReceiveMessageSize, as a billing system would connect.
        using var channel = GrpcChannel.ForAddress(fixture.Server.Address);
        var client = new PolicyService.PolicyServiceClient(channel);
        var single = await client.QuoteTariffAsync(item);
        var response = await client.QuoteTariffsAsync(request);

        var size = response.CalculateSize();
        var repeated = MaxItems * (single.CalculateSize() + 4);
        output.WriteLine($"QuoteTariffs of {MaxItems}: {size:N0} bytes ({size / MaxItems:N0} a quote); the policy in every quote and candidate: about {repeated:N0}");
        Assert.True(size < DefaultReceiveLimit, $"{size} bytes");
        Assert.Equal(QuoteStatus.Quoted, single.Status);
        Assert.Equal(3, single.Candidates.Count);
        Assert.Equal(MaxItems, response.Quotes.Count);
        var beyond = await CallOutcome.Of(() => client.QuoteTariffsAsync(new QuoteTariffsRequest { Items = { Enumerable.Repeat(item, MaxItems + 1) } }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, beyond.Code);
        Assert.Single(response.Policies);
        Assert.All(response.Quotes, quote =>
        {
            Assert.Null(quote.Policy);
            Assert.Equal(single.Policy, response.Policies[quote.PolicyIndex]);
            Assert.Equal(single.Candidates.Count, quote.Candidates.Count);
            for (var i = 0; i < quote.Candidates.Count; i++)
            {
                Assert.Null(quote.Candidates[i].Policy);
                Assert.Equal(single.Candidates[i].Policy, response.Policies[quote.Candidates[i].PolicyIndex]);
                Assert.Equal(single.Candidates[i].Clone().WithoutPolicy(), quote.Candidates[i]);
            }
        });
    }
}

/// <summary>A candidate as a QuoteTariffs answer carries it: policy by index.</summary>
internal static class CandidateForms
{
    public static RateCandidate WithoutPolicy(this RateCandidate candidate)
    {
        candidate.Policy = null;
        return candidate;
    }
}
