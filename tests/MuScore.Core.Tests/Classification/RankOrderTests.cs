using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Classification;

/// <summary>
/// Ranking (docs/method.md §5, §10): rounded total descending; ties to the higher tax_per_mu compared
/// exactly as the decimal fraction tax / land, then to the credit code in ordinal order.
/// </summary>
public sealed class RankOrderTests
{
    // Scored on revenue per mu only, so tax can differ without moving the total.
    private static readonly Scheme RevenueOnly =
        new SchemeBuilder().Pool("ALL").Item(Indicator.RevenuePerMu, 1, SchemeBuilder.Fixed(1)).Cap(1_000_000).Build();

    [Fact]
    public void Rate_TaxPerMuDiffersBeyondDoublePrecision_HigherDecimalFractionFirst()
    {
        var lowerCode = EnterpriseBuilder.Create(1).Land(3).Revenue(300).Tax(1m).Build();
        var higherTax = EnterpriseBuilder.Create(2).Land(3).Revenue(300).Tax(1.0000000000000000000000001m).Build();

        // As doubles the two tax_per_mu values are the same number; only the decimals differ.
        Assert.Equal((double)lowerCode.Tax / 3.0, (double)higherTax.Tax / 3.0);

        var run = Engine.Rate(RevenueOnly, lowerCode, higherTax);
        Assert.Equal(run.Rated(lowerCode).Total, run.Rated(higherTax).Total);
        Assert.Equal([higherTax.CreditCode, lowerCode.CreditCode], run.RankedCodes("ALL"));
    }

    [Fact]
    public void Rate_OneThirdAgainstItsDecimalExpansion_TheTrueThirdIsHigher()
    {
        // 1/3 > 0.33333333333333333, though both are the same double.
        var third = EnterpriseBuilder.Create(9).Land(3).Revenue(300).Tax(1m).Build();
        var expansion = EnterpriseBuilder.Create(1).Land(1).Revenue(100).Tax(0.33333333333333333m).Build();
        Assert.Equal(1.0 / 3.0, (double)expansion.Tax);

        var run = Engine.Rate(RevenueOnly, expansion, third);
        Assert.Equal([third.CreditCode, expansion.CreditCode], run.RankedCodes("ALL"));
    }

    [Fact]
    public void Rate_EqualFractionsWrittenDifferently_CreditCodeOrdinalDecides()
    {
        var second = EnterpriseBuilder.Create(7).Land(6).Revenue(600).Tax(2m).Build();
        var first = EnterpriseBuilder.Create(3).Land(3).Revenue(300).Tax(1m).Build();
        var run = Engine.Rate(RevenueOnly, second, first);

        Assert.Equal([first.CreditCode, second.CreditCode], run.RankedCodes("ALL"));
        Assert.True(string.CompareOrdinal(first.CreditCode, second.CreditCode) < 0);
    }

    [Fact]
    public void Rate_CreditCodeTieBreak_IsOrdinalNotCultureOrder()
    {
        // Digits sort before letters in ordinal order; "…A…" after "…9…".
        var digit = EnterpriseBuilder.Create(1).Code(WithBody("91331082MA2000009")).Build();
        var letter = EnterpriseBuilder.Create(2).Code(WithBody("91331082MA200000A")).Build();
        var run = Engine.Rate(RevenueOnly, letter, digit);
        Assert.Equal([digit.CreditCode, letter.CreditCode], run.RankedCodes("ALL"));
    }

    [Fact]
    public void Rate_TotalsDifferOnlyInSeventhDecimal_TieGoesToTaxPerMu()
    {
        // 100.0000004 and 100.0000001 both round to 100.000000: the lower raw total wins on tax.
        var higherRaw = EnterpriseBuilder.Create(1).Land(1).Revenue(100).Tax(5).Points(0.0000004m, 0).Build();
        var higherTax = EnterpriseBuilder.Create(2).Land(1).Revenue(100).Tax(6).Points(0.0000001m, 0).Build();
        var run = Engine.Rate(RevenueOnly, higherRaw, higherTax);

        Assert.Equal(100.0, run.Rated(higherRaw).Total);
        Assert.Equal(100.0, run.Rated(higherTax).Total);
        Assert.Equal([higherTax.CreditCode, higherRaw.CreditCode], run.RankedCodes("ALL"));
    }

    [Fact]
    public void Rate_TotalsDifferInSixthDecimal_HigherTotalFirstWhateverTheTax()
    {
        var higherTotal = EnterpriseBuilder.Create(1).Land(1).Revenue(100).Tax(1).Points(0.000001m, 0).Build();
        var higherTax = EnterpriseBuilder.Create(2).Land(1).Revenue(100).Tax(99).Build();
        var run = Engine.Rate(RevenueOnly, higherTax, higherTotal);
        Assert.Equal([higherTotal.CreditCode, higherTax.CreditCode], run.RankedCodes("ALL"));
    }

    [Fact]
    public void Rate_TieAcrossTheABoundary_TaxPerMuDecidesWhoIsA()
    {
        // Five members, one A place; the two best tie on total.
        var members = new[]
        {
            EnterpriseBuilder.Create(1).Land(1).Revenue(500).Tax(10).Build(),
            EnterpriseBuilder.Create(2).Land(1).Revenue(500).Tax(20).Build(),
            EnterpriseBuilder.Create(3).Land(1).Revenue(300).Build(),
            EnterpriseBuilder.Create(4).Land(1).Revenue(200).Build(),
            EnterpriseBuilder.Create(5).Land(1).Revenue(100).Build(),
        };
        var run = Engine.Rate(RevenueOnly, members);

        Assert.Equal(RatingClass.A, run.Rated(members[1]).Class);
        Assert.Equal(RatingClass.B, run.Rated(members[0]).Class);
        Assert.Equal(2, run.Rated(members[0]).Rank);
    }

    private static string WithBody(string body17) => body17 + CreditCode.CheckCharacter(body17);
}
