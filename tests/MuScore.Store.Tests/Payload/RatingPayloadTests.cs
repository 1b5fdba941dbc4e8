using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Store.Payload;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Payload;

public sealed class RatingPayloadTests
{
    [Fact]
    public void Decode_EncodedRatingWithAwkwardNumbers_GivesEveryFieldBitExact()
    {
        var rated = TestRuns.Rated(3, "ABOVE", 7, RatingClass.D);
        var awkward = rated with
        {
            LandMu = 2.250m,
            Rating = rated.Rating! with
            {
                LandMu = 2.25m + 0.97m - 0.22m,
                Items = new ItemScore[]
                {
                    new(Indicator.TaxPerMu, -0.0, double.Epsilon, 30, 0.1 + 0.2, ItemBasis.Scored),
                    new(Indicator.LabourProductivity, 1e308, -1e-308, 10, double.NaN, ItemBasis.ZeroDenominator),
                },
                QuotaRank = null,
                GapToNextClass = 1.0 / 3.0,
                Override = OverrideKind.ConstructionProtection,
            },
        };

        var decoded = RatingPayload.Decode(RatingPayload.Encode(awkward, new PayloadWriter()));

        RatingAssert.Identical(awkward, decoded);
        Assert.Equal("2.250", decoded.LandMu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3.00", decoded.Rating!.LandMu.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Decode_FiguresWithGapsAndNegativeValueAdded_GivesEachBackWithItsScale()
    {
        var rated = TestRuns.Rated(8, "ABOVE", 2, RatingClass.B) with
        {
            Division = 36,
            Figures = new ReportedFigures(10.000m, null, -0.50m, null),
        };
        var excluded = TestRuns.Excluded(9) with { Figures = new ReportedFigures(0m, 12_345.6789m, null, 7.5m) };

        var decodedRated = RatingPayload.Decode(RatingPayload.Encode(rated, new PayloadWriter()));
        var decodedExcluded = RatingPayload.Decode(RatingPayload.Encode(excluded, new PayloadWriter()));

        RatingAssert.Identical(rated, decodedRated);
        RatingAssert.Identical(excluded, decodedExcluded);
        Assert.Equal(36, decodedRated.Division);
        Assert.Equal(44, decodedExcluded.Division);
        Assert.Equal(("10.000", null, "-0.50", null), Texts(decodedRated.Figures!));
        Assert.Equal(("0", "12345.6789", null, "7.5"), Texts(decodedExcluded.Figures!));
    }

    [Fact]
    public void Decode_RatingWithoutFigures_FiguresStayNull()
    {
        var bare = TestRuns.Rated(5, "BELOW", 3, RatingClass.C) with { Figures = null, Division = 0 };

        var decoded = RatingPayload.Decode(RatingPayload.Encode(bare, new PayloadWriter()));

        Assert.Null(decoded.Figures);
        RatingAssert.Identical(bare, decoded);
    }

    [Fact]
    public void Decode_ExcludedRowWithoutNameOrRating_GivesItBack()
    {
        var excluded = TestRuns.Excluded(4) with { Name = null };

        RatingAssert.Identical(excluded, RatingPayload.Decode(RatingPayload.Encode(excluded, new PayloadWriter())));
    }

    [Fact]
    public void Encode_SameRatingTwiceWithAReusedWriter_GivesIdenticalBytes()
    {
        var writer = new PayloadWriter();
        var first = RatingPayload.Encode(TestRuns.Rated(1, "ABOVE", 1, RatingClass.A), writer);
        _ = RatingPayload.Encode(TestRuns.Excluded(2), writer);

        Assert.Equal(first, RatingPayload.Encode(TestRuns.Rated(1, "ABOVE", 1, RatingClass.A), writer));
    }

    [Fact]
    public void Decode_TruncatedPayload_ThrowsInvalidData()
    {
        var bytes = RatingPayload.Encode(TestRuns.Rated(1, "ABOVE", 1, RatingClass.A), new PayloadWriter());

        Assert.Throws<InvalidDataException>(() => RatingPayload.Decode(bytes.AsSpan(0, bytes.Length - 3)));
        Assert.Throws<InvalidDataException>(() => RatingPayload.Decode([.. bytes, 0]));
        Assert.Throws<InvalidDataException>(() => RatingPayload.Decode([RatingPayload.FormatVersion + 1, .. bytes[1..]]));
        Assert.Throws<InvalidDataException>(() => RatingPayload.Decode([0, .. bytes[1..]]));
    }

    private static (string, string?, string?, string?) Texts(ReportedFigures figures) =>
        (Text(figures.TaxWan), Text(figures.RevenueWan), Text(figures.ValueAddedWan), Text(figures.Employees));

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(decimal? value) => value is { } v ? Text(v) : null;

    // Stored payloads hold these numbers: if a core enum is reordered, bump RatingPayload.FormatVersion and migrate.
    [Fact]
    public void EnumNumbers_StoredInPayloads_AreStable()
    {
        Assert.Equal([0, 1], new[] { RowStatus.Rated, RowStatus.Excluded }.Select(e => (int)e));
        Assert.Equal([0, 1, 2, 3], new[] { RatingClass.A, RatingClass.B, RatingClass.C, RatingClass.D }.Select(e => (int)e));
        Assert.Equal([0, 1, 2, 3], new[] { OverrideKind.None, OverrideKind.Veto, OverrideKind.InvestmentA, OverrideKind.ConstructionProtection }.Select(e => (int)e));
        Assert.Equal([0, 1, 2], new[] { ItemBasis.Scored, ItemBasis.ZeroDenominator, ItemBasis.Imputed }.Select(e => (int)e));
        Assert.Equal(
            ["tax_per_mu", "va_per_mu", "revenue_per_mu", "va_per_energy", "va_per_emission", "va_per_cod", "va_per_water", "tax_per_kwh", "tax_per_energy", "labour_productivity", "rd_intensity"],
            Enumerable.Range(0, 11).Select(i => ((Indicator)i).Id()));
    }
}
