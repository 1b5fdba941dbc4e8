using System.Net;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Security;

namespace MuScore.Server.Tests.Http;

/// <summary>QuoteTariff (GET with query parameters) and CheckLandTransfer (POST with a JSON body) over HTTP/1.1.</summary>
[Collection(HttpApiServerGroup.Name)]
public sealed class HttpPolicyRouteTests(PublishedSecuredServerFixture fixture)
{
    private const string Region = PublishedSecuredServerFixture.ListsRegion;

    private static string Code => PublishedSecuredServerFixture.LinhaiCode(101);

    private string Token(string scope, params string[] regions) => fixture.Secured.Tokens.Issue("http-tester", scope, regions);

    [Fact]
    public async Task QuoteTariff_Get_200EqualsTheGrpcAnswer()
    {
        var token = Token("policy:quote", "3310");
        using var channel = fixture.Secured.Server.ChannelAs(token);
        var expected = await new PolicyService.PolicyServiceClient(channel).QuoteTariffAsync(new QuoteTariffRequest
        {
            Region = Region,
            CreditCode = Code,
            Utility = Utility.Electricity,
            BillingDate = "2024-06-01",
            Quantity = "1000",
        });
        using var http = fixture.Secured.Server.WebClient(token);

        var answer = await HttpAnswer.GetAsync(http, $"/v1/regions/{Region}/tariffs/{Code}?utility=UTILITY_ELECTRICITY&billingDate=2024-06-01&quantity=1000");

        var quote = answer.As<TariffQuote>();
        Assert.Equal(expected, quote);
        Assert.NotEqual(QuoteStatus.Unspecified, quote.Status);
    }

    [Fact]
    public async Task QuoteTariff_BadDate_400NamingBillingDate()
    {
        using var http = fixture.Secured.Server.WebClient(Token("policy:quote", "3310"));

        var answer = await HttpAnswer.GetAsync(http, $"/v1/regions/{Region}/tariffs/{Code}?utility=UTILITY_ELECTRICITY&billingDate=2024-13-45");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Violations, v => v.Field == "billing_date");
    }

    [Fact]
    public async Task QuoteTariff_RatingsScopeOnly_403MissingScope()
    {
        using var http = fixture.Secured.Server.WebClient(Token("ratings:read", "3310"));

        var answer = await HttpAnswer.GetAsync(http, $"/v1/regions/{Region}/tariffs/{Code}?utility=UTILITY_ELECTRICITY&billingDate=2024-06-01");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("MISSING_SCOPE", answer.Reason);
    }

    [Fact]
    public async Task QuoteTariff_OtherRegion_403RegionNotAllowed()
    {
        using var http = fixture.Secured.Server.WebClient(Token("policy:quote", "3501"));

        var answer = await HttpAnswer.GetAsync(http, $"/v1/regions/{Region}/tariffs/{Code}?utility=UTILITY_ELECTRICITY&billingDate=2024-06-01");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("REGION_NOT_ALLOWED", answer.Reason);
    }

    [Fact]
    public async Task CheckLandTransfer_Post_200EqualsTheGrpcAnswer()
    {
        var token = Token("policy:quote", "3310");
        var request = new CheckLandTransferRequest
        {
            TransferDate = "2023-06-01",
            Region = Region,
            ReceiverCreditCode = Code,
            Kind = TransferKind.Whole,
            Parcels =
            {
                new Parcel { Id = "P-1", AreaMu = "30", Completed = true, InProduction = true, OwnershipType = "国有", UseRight = "出让", RemainingTermYears = "35" },
            },
        };
        using var channel = fixture.Secured.Server.ChannelAs(token);
        var expected = await new PolicyService.PolicyServiceClient(channel).CheckLandTransferAsync(request);
        using var http = fixture.Secured.Server.WebClient(token);

        var answer = await HttpAnswer.PostAsync(http, $"/v1/regions/{Region}/land-transfers:check", request);

        var decision = answer.As<LandTransferDecision>();
        Assert.Equal(expected, decision);
        Assert.NotEqual(LandOutcome.NoPolicyInForce, decision.Outcome);
        Assert.NotEmpty(decision.Rules);
    }

    [Fact]
    public async Task CheckLandTransfer_NoParcels_400WithViolations()
    {
        using var http = fixture.Secured.Server.WebClient(Token("policy:quote", "3310"));

        var answer = await HttpAnswer.PostAsync(http, $"/v1/regions/{Region}/land-transfers:check", $$"""{"transferDate": "2024-06-01", "receiverCreditCode": "{{Code}}", "kind": "TRANSFER_KIND_WHOLE"}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.Violations);
    }

    [Fact]
    public async Task CheckLandTransfer_NoCredential_401()
    {
        using var http = fixture.Secured.Server.WebClient();

        var answer = await HttpAnswer.PostAsync(http, $"/v1/regions/{Region}/land-transfers:check", "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("CREDENTIAL_MISSING", answer.Reason);
    }
}
