using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using ProtoClass = MuScore.Contracts.V1.RatingClass;

namespace MuScore.Server.Tests.Rating;

public sealed class RatingValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string GoodCode = Records.Code(1, "331082");

    private RatingService.RatingServiceClient Ratings => fixture.Server.Ratings;

    [Theory]
    [InlineData("", "331082", "credit_code", "required")]
    [InlineData("91350100M000100Y4", "331082", "credit_code", "credit_code_format")]
    [InlineData("91350100M000100YI3", "331082", "credit_code", "credit_code_format")]
    [InlineData("bad-check", "331082", "credit_code", "credit_code_check")]
    [InlineData("good", "", "region", "required")]
    [InlineData("good", "33108", "region", "region_format")]
    [InlineData("good", "33108A", "region", "region_format")]
    public async Task GetRating_BadCodeOrRegion_InvalidArgumentNamingFieldAndRule(string code, string region, string field, string rule)
    {
        code = code switch { "good" => GoodCode, "bad-check" => Records.WithBadCheck(GoodCode), _ => code };

        var violations = await RpcAssert.InvalidArgument(() => Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = code, Region = region }).ResponseAsync);

        RpcAssert.HasViolation(violations, field, rule);
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(2101)]
    [InlineData(0)]
    public async Task GetRating_YearOutOfRange_InvalidArgument(int year)
    {
        var violations = await RpcAssert.InvalidArgument(() => Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = GoodCode, Region = "331082", Year = year }).ResponseAsync);

        RpcAssert.HasViolation(violations, "year", "year_range");
    }

    [Fact]
    public async Task GetRating_EverythingWrong_ListsEveryViolation()
    {
        var violations = await RpcAssert.InvalidArgument(() => Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = "x", Region = "1", Year = 3000 }).ResponseAsync);

        Assert.Equal(["credit_code", "region", "year"], violations.Select(v => v.Field));
    }

    [Fact]
    public async Task BatchGetRatings_NoCodes_InvalidArgument()
    {
        var violations = await RpcAssert.InvalidArgument(() => Ratings.BatchGetRatingsAsync(new BatchGetRatingsRequest { Region = "331082" }).ResponseAsync);

        RpcAssert.HasViolation(violations, "credit_codes", "required");
    }

    [Fact]
    public async Task BatchGetRatings_MoreThanAThousandCodes_InvalidArgument()
    {
        var request = new BatchGetRatingsRequest { Region = "331082", CreditCodes = { Enumerable.Range(1, 1_001).Select(i => Records.Code(i, "331082")) } };

        var violations = await RpcAssert.InvalidArgument(() => Ratings.BatchGetRatingsAsync(request).ResponseAsync);

        RpcAssert.HasViolation(violations, "credit_codes", "too_many");
    }

    [Fact]
    public async Task BatchGetRatings_OneBadCode_ViolationNamesItsIndex()
    {
        var request = new BatchGetRatingsRequest { Region = "331082", CreditCodes = { GoodCode, GoodCode, Records.WithBadCheck(GoodCode) } };

        var violations = await RpcAssert.InvalidArgument(() => Ratings.BatchGetRatingsAsync(request).ResponseAsync);

        RpcAssert.HasViolation(violations, "credit_codes[2]", "credit_code_check");
        Assert.Single(violations);
    }

    [Fact]
    public async Task BatchGetRatings_BadRegionAndYear_InvalidArgument()
    {
        var request = new BatchGetRatingsRequest { Region = "", Year = 1900, CreditCodes = { GoodCode } };

        var violations = await RpcAssert.InvalidArgument(() => Ratings.BatchGetRatingsAsync(request).ResponseAsync);

        RpcAssert.HasViolation(violations, "region", "required");
        RpcAssert.HasViolation(violations, "year", "year_range");
    }

    [Fact]
    public async Task ListRatings_NoYear_InvalidArgument()
    {
        var violations = await RpcAssert.InvalidArgument(() => ReadAll(new ListRatingsRequest { Region = "331082" }));

        RpcAssert.HasViolation(violations, "year", "required");
    }

    [Fact]
    public async Task ListRatings_BadFilters_ViolationPerFilterEntry()
    {
        var request = new ListRatingsRequest
        {
            Region = "33108",
            Year = 2024,
            Pools = { "ABOVE", " " },
            Classes = { ProtoClass.A, ProtoClass.Unspecified },
            Industries = { "C36", "36", "C3x" },
        };

        var violations = await RpcAssert.InvalidArgument(() => ReadAll(request));

        Assert.Equal(["region", "pools[1]", "classes[1]", "industries[2]"], violations.Select(v => v.Field));
    }

    [Fact]
    public async Task GetRating_NothingPublished_NotFound()
    {
        var reason = await RpcAssert.NotFound(() => Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = GoodCode, Region = Regions.Next(), Year = 2024 }).ResponseAsync);

        Assert.Equal("NOTHING_PUBLISHED", reason);
    }

    [Fact]
    public async Task GetRating_UnknownEnterprise_NotFound()
    {
        var region = Regions.Next();
        await Runs.PublishAsync(fixture.Server.Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024, count: 20));

        var reason = await RpcAssert.NotFound(() => Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = Records.Code(5, region), Region = region, Year = 2024 }).ResponseAsync);
        var otherYear = await RpcAssert.NotFound(() => Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = Records.Code(5, region), Region = region, Year = 2023 }).ResponseAsync);

        Assert.Equal("ENTERPRISE_NOT_FOUND", reason);
        Assert.Equal("NOTHING_PUBLISHED", otherYear);
    }

    [Fact]
    public async Task BatchGetRatings_NothingPublished_NotFound()
    {
        var request = new BatchGetRatingsRequest { Region = Regions.Next(), CreditCodes = { GoodCode } };

        var reason = await RpcAssert.NotFound(() => Ratings.BatchGetRatingsAsync(request).ResponseAsync);

        Assert.Equal("NOTHING_PUBLISHED", reason);
    }

    [Fact]
    public async Task ListRatings_NothingPublished_NotFound()
    {
        var region = Regions.Next();
        await Runs.SubmitAsync(fixture.Server.Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024, count: 10));

        var reason = await RpcAssert.NotFound(() => ReadAll(new ListRatingsRequest { Region = region, Year = 2024 }));

        Assert.Equal("NOTHING_PUBLISHED", reason);
    }

    private async Task ReadAll(ListRatingsRequest request)
    {
        using var call = Ratings.ListRatings(request);
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }
}
