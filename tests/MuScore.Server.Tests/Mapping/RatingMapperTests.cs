using MuScore.Core.Rating;
using MuScore.Server.Caching;
using MuScore.Server.Mapping;
using MuScore.Server.Reading;
using MuScore.Store;

namespace MuScore.Server.Tests.Mapping;

public sealed class RatingMapperTests
{
    private static readonly Publication Published = new("331082", 2024, 3, new string('a', 64), new DateTimeOffset(2025, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static readonly RunStamp Stamp = new("zj-standard", "2024.1", "scheme-hash", "input-hash");

    [Fact]
    public void ToProto_ReportedFigures_ExactTextWithoutTrailingZerosAndEmptyWhenNotReported()
    {
        var stored = Excluded(new ReportedFigures(10.000m, null, -0.50m, 1_234_567.0m));

        var figures = RatingMapper.ToProto(stored, Published, Stamp).Figures;

        Assert.Equal(("10", "", "-0.5", "1234567"), (figures.TaxWan, figures.RevenueWan, figures.ValueAddedWan, figures.Employees));
    }

    [Fact]
    public void ToProto_SmallAndLargeFigures_NoExponent()
    {
        var stored = Excluded(new ReportedFigures(0.00001m, 79_228_162_514_264_337_593_543_950_335m, 0m, 12.30m));

        var figures = RatingMapper.ToProto(stored, Published, Stamp).Figures;

        Assert.Equal(("0.00001", "79228162514264337593543950335", "0", "12.3"), (figures.TaxWan, figures.RevenueWan, figures.ValueAddedWan, figures.Employees));
    }

    [Fact]
    public void ToProto_RatingStoredBeforeFiguresWereKept_FiguresAbsent()
    {
        var rating = RatingMapper.ToProto(Excluded(null), Published, Stamp);

        Assert.Null(rating.Figures);
    }

    [Fact]
    public void ToProto_Figures_SurviveTheRedisCodec()
    {
        var stored = Excluded(new ReportedFigures(5m, 10_000m, null, 0.5m));
        var rating = RatingMapper.ToProto(stored, Published, Stamp);

        var decoded = RatingCodec.Decode(RatingCodec.Encode(RatingLookup.Found(rating)), new RatingKey("331082", 2024, 3, stored.CreditCode));

        var lookup = Assert.NotNull(decoded);
        Assert.NotNull(lookup.Rating);
        var figures = lookup.Rating.Figures;
        Assert.Equal(rating.Figures, figures);
        Assert.Equal(("5", "10000", "", "0.5"), (figures.TaxWan, figures.RevenueWan, figures.ValueAddedWan, figures.Employees));
    }

    private static StoredRating Excluded(ReportedFigures? figures) => new()
    {
        CreditCode = "913310820000000019",
        Region = "331082",
        Year = 2024,
        Industry = "D4411",
        Scale = "BELOW",
        Status = RowStatus.Excluded,
        ExclusionReasons = ["utility"],
        LandMu = 0.97m,
        Division = 44,
        Figures = figures,
    };
}
