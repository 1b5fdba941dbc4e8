using MuScore.Core.Rating;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

public abstract partial class RatingStoreContract
{
    [Fact]
    public async Task GetRatings_PresentAndMissingCodes_ReturnsThePresentOnesBitExact()
    {
        var ratings = TestRuns.Mixed(30);
        var publication = await PublishAsync(TestRuns.Draft("a", ratings));
        string[] codes = [ratings[0].CreditCode, ratings[9].CreditCode, TestRuns.Code(999), ratings[0].CreditCode];

        var found = await Store.GetRatingsAsync(publication, codes, None);

        Assert.Equal([ratings[0].CreditCode, ratings[9].CreditCode], found.Keys.Order(StringComparer.Ordinal));
        RatingAssert.Identical(ratings[0], found[ratings[0].CreditCode]);
        RatingAssert.Identical(ratings[9], found[ratings[9].CreditCode]);
        Assert.Empty(await Store.GetRatingsAsync(publication, [], None));
    }

    [Fact]
    public async Task GetAndListRatings_PublishedRun_ReportedFiguresAndDivisionComeBackExact()
    {
        var rated = TestRuns.Rated(3, "ABOVE", 1, RatingClass.A, industry: "C1711") with
        {
            Figures = new ReportedFigures(10.000m, null, -0.50m, null),
        };
        var excluded = TestRuns.Excluded(4) with { Figures = new ReportedFigures(0m, 12_345.6789m, 400.250m, 7.5m) };
        var publication = await PublishAsync(TestRuns.Draft("a", [rated, excluded]));

        var found = await Store.GetRatingsAsync(publication, [rated.CreditCode, excluded.CreditCode], None);
        var listed = (await ListAsync(publication, NoFilter)).ToDictionary(r => r.CreditCode);

        foreach (var fromStore in new[] { found, listed })
        {
            Assert.Equal((17, 44), (fromStore[rated.CreditCode].Division, fromStore[excluded.CreditCode].Division));
            Assert.Equal(("10.000", null, "-0.50", null), Texts(fromStore[rated.CreditCode].Figures!));
            Assert.Equal(("0", "12345.6789", "400.250", "7.5"), Texts(fromStore[excluded.CreditCode].Figures!));
            RatingAssert.Identical(rated, fromStore[rated.CreditCode]);
            RatingAssert.Identical(excluded, fromStore[excluded.CreditCode]);
        }
    }

    [Fact]
    public async Task GetRatings_ThousandCodes_ReturnsEveryOneFromThePublicationsRun()
    {
        var ratings = TestRuns.Mixed(1200);
        var older = await PublishAsync(TestRuns.Draft("old", TestRuns.Mixed(5)));
        var publication = await PublishAsync(TestRuns.Draft("a", ratings, createdAt: TestRuns.Created.AddHours(1)));

        var found = await Store.GetRatingsAsync(publication, [.. ratings.Take(1000).Select(r => r.CreditCode)], None);
        var fromOlder = await Store.GetRatingsAsync(older, [.. ratings.Take(1000).Select(r => r.CreditCode)], None);

        Assert.Equal(1000, found.Count);
        Assert.Equal(5, fromOlder.Count);
    }

    [Fact]
    public async Task ListRatings_NoFilter_PoolThenRankThenExcludedByCode()
    {
        var ratings = TestRuns.Mixed(50).Reverse().ToArray();
        var publication = await PublishAsync(TestRuns.Draft("a", ratings));

        var listed = await ListAsync(publication, NoFilter);

        var expected = ratings
            .OrderBy(r => r.Status)
            .ThenBy(r => r.Rating?.Pool, StringComparer.Ordinal)
            .ThenBy(r => r.Rating?.Rank)
            .ThenBy(r => r.CreditCode, StringComparer.Ordinal)
            .Select(r => r.CreditCode);
        Assert.Equal(expected, listed.Select(r => r.CreditCode));
        Assert.Equal(RowStatus.Excluded, listed[^1].Status);
        RatingAssert.Identical(ratings.Single(r => r.CreditCode == listed[0].CreditCode), listed[0]);
    }

    [Fact]
    public async Task ListRatings_PoolAndClassFilters_KeepMatchingRatedRowsOnly()
    {
        var ratings = TestRuns.Mixed(80);
        var publication = await PublishAsync(TestRuns.Draft("a", ratings));

        var below = await ListAsync(publication, new RatingFilter(["BELOW"], [], []));
        var dOrA = await ListAsync(publication, new RatingFilter([], [RatingClass.D, RatingClass.A], []));

        Assert.Equal(ratings.Count(r => r.Rating?.Pool == "BELOW"), below.Count);
        Assert.All(below, r => Assert.Equal("BELOW", r.Rating!.Pool));
        Assert.Equal(ratings.Count(r => r.Rating?.Class is RatingClass.D or RatingClass.A), dOrA.Count);
        Assert.All(dOrA, r => Assert.Contains(r.Rating!.Class, new[] { RatingClass.D, RatingClass.A }));
    }

    [Theory]
    [InlineData("C36", new[] { "C3670", "3611" })]
    [InlineData("36", new[] { "C3670", "3611" })]
    [InlineData("c1711", new[] { "C1711" })]
    [InlineData("17", new[] { "C1711", "1712" })]
    [InlineData("D44", new[] { "D4411" })]
    [InlineData("9", new string[0])]
    public async Task ListRatings_IndustryPrefix_IgnoresTheSectionLetterOnBothSides(string prefix, string[] industries)
    {
        var publication = await PublishAsync(TestRuns.Draft("a", TestRuns.Mixed(40)));

        var listed = await ListAsync(publication, new RatingFilter([], [], [prefix]));

        Assert.Equal(industries.Order(StringComparer.Ordinal), listed.Select(r => r.Industry).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListRatings_SeveralPrefixesWithPoolFilter_CombineAsOrWithinAndAcross()
    {
        var ratings = TestRuns.Mixed(40);
        var publication = await PublishAsync(TestRuns.Draft("a", ratings));

        var listed = await ListAsync(publication, new RatingFilter(["ABOVE"], [], ["3670", "C1711"]));

        var expected = ratings.Where(r => r.Rating?.Pool == "ABOVE" && r.Industry is "C3670" or "C1711").Select(r => r.CreditCode);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Select(r => r.CreditCode).Order(StringComparer.Ordinal));
        Assert.NotEmpty(listed);
    }

    private static (string, string?, string?, string?) Texts(ReportedFigures figures) =>
        (Text(figures.TaxWan), Text(figures.RevenueWan), Text(figures.ValueAddedWan), Text(figures.Employees));

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(decimal? value) => value is { } v ? Text(v) : null;
}
