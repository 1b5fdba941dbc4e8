using System.Net;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Security;
using MuScore.TestSupport.Security;

namespace MuScore.Server.Tests.Http;

/// <summary>
/// GetRating and BatchGetRatings over HTTP/1.1 with JSON on the secured server's web listener
/// (TLS, tokens, client certificates): the answers equal the gRPC ones for the same caller, and
/// refusals carry the gRPC statuses mapped to HTTP with the same details.
/// </summary>
[Collection(HttpApiServerGroup.Name)]
public sealed class HttpRatingRouteTests(PublishedSecuredServerFixture fixture)
{
    private const string Region = PublishedSecuredServerFixture.ListsRegion;
    private const int Year = PublishedSecuredServerFixture.ListsYear;

    private static string Code => PublishedSecuredServerFixture.LinhaiCode(1);

    private static string RatingPath(string region, string code, int year = Year) => $"/v1/regions/{region}/ratings/{code}?year={year}";

    private HttpClient As(string scope, params string[] regions) =>
        fixture.Secured.Server.WebClient(fixture.Secured.Tokens.Issue("http-tester", scope, regions));

    [Fact]
    public async Task GetRating_TokenWithScopeAndRegion_200OverHttp11EqualsTheGrpcAnswer()
    {
        var token = fixture.Secured.Tokens.Issue("http-tester", "ratings:read", ["3310"]);
        using var channel = fixture.Secured.Server.ChannelAs(token);
        var expected = await new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = Region, CreditCode = Code, Year = Year });
        using var http = fixture.Secured.Server.WebClient(token);

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, Code));

        Assert.Equal(HttpVersion.Version11, answer.Response.Version);
        Assert.Equal("application/json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, answer.As<GetRatingResponse>());
        Assert.Equal(Code, expected.Rating.CreditCode);
        Assert.False(answer.Response.Headers.Contains("muscore-stale"));
        Assert.Contains("\"possiblyStale\":false", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRating_NoYear_LatestPublishedYear()
    {
        using var http = As("ratings:read", "3310");

        var answer = await HttpAnswer.GetAsync(http, $"/v1/regions/{Region}/ratings/{Code}");

        Assert.Equal(Year, answer.As<GetRatingResponse>().Rating.Year);
    }

    [Fact]
    public async Task GetRating_FieldMinimisation_FiguresOnlyWithTheFiguresScope()
    {
        using var plain = As("ratings:read", "3310");
        using var figures = As("ratings:read ratings:figures", "3310");

        var minimal = (await HttpAnswer.GetAsync(plain, RatingPath(Region, Code))).As<GetRatingResponse>().Rating;
        var full = (await HttpAnswer.GetAsync(figures, RatingPath(Region, Code))).As<GetRatingResponse>().Rating;

        Assert.Null(minimal.Figures);
        Assert.NotNull(full.Figures);
        Assert.Equal(full.RatingClass, minimal.RatingClass);
    }

    [Fact]
    public async Task GetRating_ClientCertificate_200()
    {
        using var http = fixture.Secured.Server.WebClient(clientCertificate: fixture.Secured.ThumbprintClient);

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, Code));

        Assert.Equal(Code, answer.As<GetRatingResponse>().Rating.CreditCode);
    }

    [Fact]
    public async Task GetRating_Http2OverTls_AlpnServesIt()
    {
        var token = fixture.Secured.Tokens.Issue("http-tester", "ratings:read", ["3310"]);
        using var http = fixture.Secured.Server.WebClient(token, version: HttpVersion.Version20);

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, Code));

        Assert.Equal(HttpVersion.Version20, answer.Response.Version);
        Assert.Equal(Code, answer.As<GetRatingResponse>().Rating.CreditCode);
    }

    [Fact]
    public async Task GetRating_BadCreditCode_400WithTheFieldViolation()
    {
        using var http = As("ratings:read", "3310");

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, "not-a-code"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(3, answer.GrpcCode);
        Assert.Equal(("credit_code", "credit_code_format"), Assert.Single(answer.Violations));
    }

    [Fact]
    public async Task GetRating_YearNotANumber_400()
    {
        using var http = As("ratings:read", "3310");

        var answer = await HttpAnswer.GetAsync(http, $"/v1/regions/{Region}/ratings/{Code}?year=last");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(3, answer.GrpcCode);
    }

    [Fact]
    public async Task GetRating_NoCredential_401WithChallengeAndReason()
    {
        using var http = fixture.Secured.Server.WebClient();

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, Code));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Bearer", Assert.Single(answer.Response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("CREDENTIAL_MISSING", answer.Reason);
    }

    [Fact]
    public async Task GetRating_ForgedToken_401InvalidToken()
    {
        using var http = fixture.Secured.Server.WebClient(TestTokens.WithoutSignature("forger", "ratings:read", ["3310"]));

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, Code));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("invalid_token", Assert.Single(answer.Response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
        Assert.StartsWith("TOKEN_", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRating_WrongScope_403MissingScope()
    {
        using var http = As("policy:quote", "3310");

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, Code));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("MISSING_SCOPE", answer.Reason);
    }

    [Fact]
    public async Task GetRating_OtherRegion_403RegionNotAllowed()
    {
        using var http = As("ratings:read", "3501");

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, Code));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("REGION_NOT_ALLOWED", answer.Reason);
    }

    [Fact]
    public async Task GetRating_UnknownEnterprise_404()
    {
        using var http = As("ratings:read", "3310");

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, PublishedSecuredServerFixture.LinhaiCode(999)));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("ENTERPRISE_NOT_FOUND", answer.Reason);
    }

    [Fact]
    public async Task GetRating_YearNotPublished_404()
    {
        using var http = As("ratings:read", "3310");

        var answer = await HttpAnswer.GetAsync(http, RatingPath(Region, Code, 2001));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("NOTHING_PUBLISHED", answer.Reason);
    }

    [Fact]
    public async Task BatchGetRatings_Post_200EqualsTheGrpcAnswerWithAnEntryPerCode()
    {
        var token = fixture.Secured.Tokens.Issue("http-tester", "ratings:read", ["3310"]);
        var request = new BatchGetRatingsRequest { Region = Region, Year = Year, CreditCodes = { Code, PublishedSecuredServerFixture.LinhaiCode(999), PublishedSecuredServerFixture.LinhaiCode(2) } };
        using var channel = fixture.Secured.Server.ChannelAs(token);
        var expected = await new RatingService.RatingServiceClient(channel).BatchGetRatingsAsync(request);
        using var http = fixture.Secured.Server.WebClient(token);

        var answer = await HttpAnswer.PostAsync(http, $"/v1/regions/{Region}/ratings:batchGet", $$"""{"year": {{Year}}, "creditCodes": ["{{request.CreditCodes[0]}}", "{{request.CreditCodes[1]}}", "{{request.CreditCodes[2]}}"]}""");

        var batch = answer.As<BatchGetRatingsResponse>();
        Assert.Equal(expected, batch);
        Assert.Equal(3, batch.Entries.Count);
        Assert.Equal("not_found", batch.Entries[1].Error.Code);
    }

    [Fact]
    public async Task BatchGetRatings_NoCodes_400NamingCreditCodes()
    {
        using var http = As("ratings:read", "3310");

        var answer = await HttpAnswer.PostAsync(http, $"/v1/regions/{Region}/ratings:batchGet", $$"""{"year": {{Year}}, "creditCodes": []}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Violations, v => v.Field == "credit_codes");
    }

    [Fact]
    public async Task BatchGetRatings_BadCodeAmongGood_400NamingItsIndex()
    {
        using var http = As("ratings:read", "3310");

        var answer = await HttpAnswer.PostAsync(http, $"/v1/regions/{Region}/ratings:batchGet", $$"""{"year": {{Year}}, "creditCodes": ["{{Code}}", "x"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Violations, v => v.Field.StartsWith("credit_codes[1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BatchGetRatings_MalformedJson_400()
    {
        using var http = As("ratings:read", "3310");

        var answer = await HttpAnswer.PostAsync(http, $"/v1/regions/{Region}/ratings:batchGet", """{"creditCodes": [""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(3, answer.GrpcCode);
    }

    [Fact]
    public async Task BatchGetRatings_OtherRegion_403()
    {
        using var http = As("ratings:read", "3501");

        var answer = await HttpAnswer.PostAsync(http, $"/v1/regions/{Region}/ratings:batchGet", $$"""{"creditCodes": ["{{Code}}"]}""");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("REGION_NOT_ALLOWED", answer.Reason);
    }
}
