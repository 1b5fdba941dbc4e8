using System.Text;
using MuScore.Core.Rating;

namespace MuScore.Reports.Tests;

/// <summary>Reading ratings.csv: the writer's columns back into a set, and errors that name row and column.</summary>
public sealed class RatingsCsvReaderTests
{
    private const string Header =
        "row,status,reason,credit_code,name,region,year,industry,scale,land_mu,pool,total,rank,pool_size,percentile,quota_rank,quota_pool_size,class,override,gap_to_next_class,consecutive_d_years,bonus,penalty,imputed_items," +
        "tax_per_mu_value,tax_per_mu_benchmark,tax_per_mu_score,tax_per_kwh_value,tax_per_kwh_benchmark,tax_per_kwh_score,scheme_id,scheme_version,scheme_hash,input_hash";

    [Fact]
    public void Read_RatedRows_ItemsWithSchemeWeightsAndGuardUndone()
    {
        var set = Read(
            Row("2", "'=HYPERLINK(1)", "1", "C", "2.5", "0.2", "50", "", "", "30"),
            Row("3", "乙", "2", "A", "", "0.2", "40", "", "", "90", imputed: "tax_per_mu"),
            string.Join(',', ["4", "EXCLUDED", "utility", Firms.Code(4), "丙", "331082", "2024", "D4410", "ABOVE", "10", .. Enumerable.Repeat(string.Empty, 20), Trailer()]));

        Assert.Equal(2, set.Enterprises.Count);
        Assert.Equal(1, set.Excluded);
        var first = set.Enterprises.Single(e => e.Name == "=HYPERLINK(1)");
        Assert.Equal(RatingClass.C, first.Class);
        Assert.Equal(50.0, first.Items[0].Weight);
        Assert.Equal(ItemBasis.Scored, first.Items[0].Basis);
        Assert.Equal(ItemBasis.ZeroDenominator, first.Items[1].Basis);
        var second = set.Enterprises.Single(e => e.Name == "乙");
        Assert.Equal(ItemBasis.Imputed, second.Items[0].Basis);
    }

    [Fact]
    public void Read_BadClass_NamesRowAndColumn()
    {
        var error = Assert.Throws<ReportInputException>(() => Read(Row("2", "甲", "1", "E", "2.5", "0.2", "50", "", "", "30")));

        Assert.Equal("ratings.csv row 2, column class: 'E' is not A, B, C or D", error.Message);
    }

    [Fact]
    public void Read_NotARatingsTable_SaysWhatIsMissing()
    {
        var error = Assert.Throws<ReportInputException>(() =>
            RatingsCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("credit_code,tax\nX,1\n")), "input.csv"));

        Assert.StartsWith("input.csv: not a ratings table written by muscore rate: the header lacks status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SchemeHashDiffers_Refused()
    {
        var text = Header + "\n" + Row("2", "甲", "1", "C", "2.5", "0.2", "50", "", "", "30").Replace(Hash, "00ff", StringComparison.Ordinal) + "\n";

        var error = Assert.Throws<ReportInputException>(() => RatingsCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "ratings.csv"));

        Assert.Contains("give the scheme file they were rated with", error.Message, StringComparison.Ordinal);
    }

    private static string Hash => Core.Schemes.SchemeJson.Hash(Core.Schemes.SchemePresets.Get("zj-standard"));

    private static RatingSet Read(params string[] rows)
    {
        var text = "\uFEFF" + Header + "\n" + string.Join("\n", rows) + "\n";
        return RatingsCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "ratings.csv");
    }

    /// <summary>A BELOW-pool row of zj-standard (tax_per_mu 50, tax_per_kwh 50).</summary>
    private static string Row(string row, string name, string rank, string cls, string taxValue, string taxBenchmark, string taxScore, string kwhValue, string kwhBenchmark, string kwhScore, string imputed = "")
    {
        var code = Firms.Code(int.Parse(row, System.Globalization.CultureInfo.InvariantCulture));
        var quoted = name.Contains(',', StringComparison.Ordinal) ? $"\"{name}\"" : name;
        return $"{row},RATED,,{code},{quoted},331082,2024,C3670,BELOW,5,BELOW,80,{rank},2,50,{rank},2,{cls},,,0,0,0,{imputed},{taxValue},{taxBenchmark},{taxScore},{kwhValue},{kwhBenchmark},{kwhScore}," + Trailer();
    }

    private static string Trailer() => $"zj-standard,{Core.Schemes.SchemePresets.Get("zj-standard").Version},{Hash},abc";
}
