using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Rating;

/// <summary>
/// consecutive_d_years (docs/method.md §6, §10): 0 unless D; for a D, 1 plus the immediately preceding
/// years in which the same code in the same region was RATED and D. A missing or non-RATED year
/// breaks the chain; a veto D counts.
/// </summary>
public sealed class ConsecutiveDYearsTests
{
    private static readonly Scheme Scheme = SchemeBuilder.TotalIsTaxPerMu().Build();
    private static readonly string Region = EnterpriseBuilder.DefaultRegion;

    // Ladder of 20 plus the subject: the subject's total 0.5 is last of 21 → D (⌊21·5/100⌋ = 1).
    private static EnterpriseRating RateSubject(RatingHistory history, bool veto = false, decimal total = 0.5m)
    {
        var builder = Pools.Scoring(100, total);
        var subject = (veto ? builder.MajorIncident() : builder).Build();
        return Engine.Rate(Scheme, [.. Pools.Ladder(20), subject], history: history).Rated(subject);
    }

    private static string Subject => CreditCodes.Make(100);

    [Fact]
    public void Rate_DThisYearAndTwoPreviousYears_Three()
    {
        var history = new RatingHistory();
        history.Add(Region, Subject, 2024, RowStatus.Rated, RatingClass.D);
        history.Add(Region, Subject, 2023, RowStatus.Rated, RatingClass.D);
        history.Add(Region, Subject, 2022, RowStatus.Rated, RatingClass.C);
        history.Add(Region, Subject, 2021, RowStatus.Rated, RatingClass.D);

        var rating = RateSubject(history);
        Assert.Equal(RatingClass.D, rating.Class);
        Assert.Equal(3, rating.ConsecutiveDYears);
    }

    [Fact]
    public void Rate_GapYearWithoutEntry_BreaksTheChain()
    {
        var history = new RatingHistory();
        history.Add(Region, Subject, 2024, RowStatus.Rated, RatingClass.D);
        history.Add(Region, Subject, 2022, RowStatus.Rated, RatingClass.D);
        history.Add(Region, Subject, 2021, RowStatus.Rated, RatingClass.D);

        Assert.Equal(2, RateSubject(history).ConsecutiveDYears);
    }

    [Theory]
    [InlineData(RowStatus.Excluded)]
    [InlineData(RowStatus.Invalid)]
    public void Rate_NotRatedLastYear_BreaksTheChain(RowStatus status)
    {
        var history = new RatingHistory();
        history.Add(Region, Subject, 2024, status, RatingClass.D);
        history.Add(Region, Subject, 2023, RowStatus.Rated, RatingClass.D);

        Assert.Equal(1, RateSubject(history).ConsecutiveDYears);
    }

    [Fact]
    public void Rate_VetoDThisYear_CountsAsD()
    {
        var history = new RatingHistory();
        history.Add(Region, Subject, 2024, RowStatus.Rated, RatingClass.D);
        history.Add(Region, Subject, 2023, RowStatus.Rated, RatingClass.D);

        // The subject would be A on its total; the veto makes it D.
        var rating = RateSubject(history, veto: true, total: 50m);
        Assert.Equal(OverrideKind.Veto, rating.Override);
        Assert.Equal(3, rating.ConsecutiveDYears);
    }

    [Fact]
    public void Rate_NotDThisYear_Zero()
    {
        var history = new RatingHistory();
        history.Add(Region, Subject, 2024, RowStatus.Rated, RatingClass.D);
        history.Add(Region, Subject, 2023, RowStatus.Rated, RatingClass.D);

        var rating = RateSubject(history, total: 10m);
        Assert.NotEqual(RatingClass.D, rating.Class);
        Assert.Equal(0, rating.ConsecutiveDYears);
    }

    [Fact]
    public void Rate_DInAnotherRegionOrUnderAnotherCode_DoesNotCount()
    {
        var history = new RatingHistory();
        history.Add("330603", Subject, 2024, RowStatus.Rated, RatingClass.D);
        history.Add(Region, CreditCodes.Make(101), 2024, RowStatus.Rated, RatingClass.D);

        Assert.Equal(1, RateSubject(history).ConsecutiveDYears);
    }

    [Fact]
    public void ConsecutiveDYears_HistoryOnly_CountsBackFromTheYear()
    {
        var history = new RatingHistory();
        for (var year = 2015; year <= 2024; year++)
        {
            history.Add(Region, Subject, year, RowStatus.Rated, RatingClass.D);
        }

        Assert.Equal(11, RatingHistory.ConsecutiveDYears(history, Region, Subject, 2025, RatingClass.D));
        Assert.Equal(0, RatingHistory.ConsecutiveDYears(history, Region, Subject, 2025, RatingClass.C));
        Assert.Equal(1, RatingHistory.ConsecutiveDYears(RatingHistory.Empty, Region, Subject, 2025, RatingClass.D));
    }
}
