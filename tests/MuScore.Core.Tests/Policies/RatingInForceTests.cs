using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;

namespace MuScore.Core.Tests.Policies;

public class RatingInForceTests
{
    private static readonly TimeSpan Cst = RatingInForce.ChinaStandardTime;

    private static readonly RatingCandidate Y2022V1 = new(2022, 1, new DateTimeOffset(2023, 4, 1, 10, 0, 0, Cst));
    private static readonly RatingCandidate Y2022V2 = new(2022, 2, new DateTimeOffset(2023, 5, 10, 10, 0, 0, Cst));
    private static readonly RatingCandidate Y2023V1 = new(2023, 1, new DateTimeOffset(2024, 4, 1, 10, 0, 0, Cst));

    // A correction of 2022 published after 2023's evaluation: it must not displace 2023.
    private static readonly RatingCandidate Y2022V3 = new(2022, 3, new DateTimeOffset(2024, 6, 1, 10, 0, 0, Cst));

    private static readonly RatingCandidate[] All = [Y2023V1, Y2022V3, Y2022V1, Y2022V2];

    [Theory]
    [InlineData("2023-03-31", null)]
    [InlineData("2023-04-01", "2022v1")]
    [InlineData("2023-05-09", "2022v1")]
    [InlineData("2023-05-10", "2022v2")]
    [InlineData("2024-03-31", "2022v2")]
    [InlineData("2024-04-01", "2023v1")]
    [InlineData("2024-07-01", "2023v1")]
    public void Pick_BillingDate_NewestYearThenVersionPublishedByThatDay(string date, string? expected)
    {
        var picked = RatingInForce.Pick(All, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, picked is null ? null : FormattableString.Invariant($"{picked.Year}v{picked.Version}"));
    }

    [Theory]
    [InlineData("2024-05-31", 2)]
    [InlineData("2024-06-01", 3)]
    public void PickYear_PreviousYearsEvaluation_LatestVersionByThatDay(string date, int version)
    {
        Assert.Equal(version, RatingInForce.PickYear(All, 2022, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))!.Version);
    }

    [Fact]
    public void PickYear_YearNotPublishedYet_Null()
    {
        Assert.Null(RatingInForce.PickYear(All, 2023, new DateOnly(2024, 3, 1)));
    }

    [Theory]
    [InlineData(15, 59, "2024-03-31")]
    [InlineData(16, 0, "2024-04-01")]
    public void PublicationDay_UtcInstant_CountedInChinaStandardTime(int hour, int minute, string day)
    {
        var instant = new DateTimeOffset(2024, 3, 31, hour, minute, 0, TimeSpan.Zero);

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), RatingInForce.PublicationDay(instant));
    }

    [Fact]
    public void Pick_RatingFacts_SameRuleAsCandidates()
    {
        var code = Code(9);
        var facts = new[]
        {
            Rated(code, Linhai, 2022, RatingClass.D, 1),
            Rated(code, Linhai, 2023, RatingClass.B),
        };

        Assert.Equal(2022, RatingInForce.Pick(facts, new DateOnly(2024, 3, 31))!.Year);
        Assert.Equal(2023, RatingInForce.Pick(facts, new DateOnly(2024, 4, 1))!.Year);
        Assert.Null(RatingInForce.Pick(facts, new DateOnly(2023, 3, 31)));
    }
}
