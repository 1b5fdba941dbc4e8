using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Ingest;

namespace MuScore.Cli.Tests.Output;

public sealed class RatingsTableLayoutTests
{
    [Fact]
    public void Headers_ZjStandard_AreTheDocumentedColumnsInOrder()
    {
        var layout = new RatingsTableLayout(SchemePresets.Get("zj-standard"), EmptyRun());

        string[] expected =
        [
            "row", "status", "reason", "credit_code", "name", "region", "year", "industry", "scale", "land_mu",
            "pool", "total", "rank", "pool_size", "percentile", "quota_rank", "quota_pool_size", "class",
            "override", "gap_to_next_class", "consecutive_d_years", "bonus", "penalty", "imputed_items",
            "tax_per_mu_value", "tax_per_mu_benchmark", "tax_per_mu_score", "va_per_mu_value", "va_per_mu_benchmark", "va_per_mu_score",
            "va_per_energy_value", "va_per_energy_benchmark", "va_per_energy_score", "va_per_emission_value", "va_per_emission_benchmark", "va_per_emission_score",
            "labour_productivity_value", "labour_productivity_benchmark", "labour_productivity_score",
            "rd_intensity_value", "rd_intensity_benchmark", "rd_intensity_score", "tax_per_kwh_value", "tax_per_kwh_benchmark", "tax_per_kwh_score",
            "scheme_id", "scheme_version", "scheme_hash", "input_hash",
        ];
        Assert.Equal(expected, layout.Headers);
        Assert.Equal(expected.Length, layout.Kinds.Count);
    }

    [Fact]
    public void Fill_InvalidRow_JoinsEveryProblemAndLeavesRatingColumnsEmpty()
    {
        var layout = new RatingsTableLayout(SchemePresets.Get("linhai-2014"), EmptyRun());
        var outcome = new RowOutcome
        {
            RowNumber = 7,
            CreditCode = "BAD",
            Status = RowStatus.Invalid,
            Problems =
            [
                new(MuScore.Core.Records.Field.Tax, MuScore.Core.Records.ProblemRule.Negative, "tax '-1' is negative; only value_added may be"),
                new(null, MuScore.Core.Records.ProblemRule.BlankRow, "the row is blank"),
            ],
        };

        var cells = layout.Fill(outcome);

        Assert.Equal("7", cells[0]);
        Assert.Equal("INVALID", cells[1]);
        Assert.Equal("tax: negative: tax '-1' is negative; only value_added may be | row: blank_row: the row is blank", cells[2]);
        Assert.All(cells.Skip(7).Take(cells.Length - 11), Assert.Empty);
        Assert.Equal("linhai-2014", cells[^4]);
    }

    private static RatingRun EmptyRun() => new()
    {
        SchemeId = "linhai-2014",
        SchemeVersion = "2014.1",
        SchemeHash = "s",
        InputHash = "i",
        Year = 2024,
        Rows = [],
        Pools = [],
    };
}
