using MuScore.Core.Policies;
using MuScore.Core.Records;
using static MuScore.Core.Tests.Policies.PolicyTestData;
using static MuScore.Core.Tests.Policies.SubsidyTestData;

namespace MuScore.Core.Tests.Policies;

public class LowEfficiencyListTests
{
    private static readonly ListRules Rules = Presets.ListRulesInForce(Linhai, 2023)!;

    internal static EnterpriseFact Fact(int serial, string tax, string land = "10", string? revenue = "20000", Scale scale = Scale.Above, string? va = null, string? employees = null, int division = 36) => new()
    {
        CreditCode = Code(serial),
        Name = FormattableString.Invariant($"企业{serial}"),
        Scale = scale,
        Division = division,
        RevenueWan = NumberOrNull(revenue),
        TaxWan = Number(tax),
        ValueAddedWan = NumberOrNull(va),
        Employees = NumberOrNull(employees),
        LandMu = Number(land),
    };

    internal static RegionFacts Facts(int year, params EnterpriseFact[] facts) => new(new PublicationRef(Linhai, year, 1, $"run-{year}"), facts);

    [Theory]
    [InlineData("50", "10", true)]
    [InlineData("50.01", "10", false)]
    [InlineData("15", "3", true)]
    [InlineData("15.000001", "3", false)]
    [InlineData("0", "3", true)]
    public void FindLowEfficiency_TaxPerMuAtOrUnderFive_LowTaxList(string tax, string land, bool listed)
    {
        var report = PolicyEngine.FindLowEfficiency(Facts(2023, Fact(1, tax, land)), null, Rules);

        Assert.Equal(listed, report.LowTax.Count == 1);
    }

    [Theory]
    [InlineData("10000", "100", "100", true)]
    [InlineData("9999.99", "100", "100", false)]
    [InlineData("10000", "100.01", "100", false)]
    [InlineData("10000", "100", "100.01", false)]
    [InlineData(null, "100", "100", false)]
    public void FindLowEfficiency_RevenueOneYiAndTaxPerMuAtOrUnderTenTwoYears_LargeLowTaxList(string? revenue, string tax, string previousTax, bool listed)
    {
        var report = PolicyEngine.FindLowEfficiency(Facts(2023, Fact(1, tax, revenue: revenue)), Facts(2022, Fact(1, previousTax)), Rules);

        Assert.Equal(listed, report.LargeLowTax.Count == 1);
        if (listed)
        {
            var entry = report.LargeLowTax[0];
            Assert.Equal((10m, 10m), (entry.TaxPerMuWan, entry.PreviousTaxPerMuWan));
            Assert.Contains("连续两年10万元(含)以下的亿元企业", entry.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FindLowEfficiency_MissingFromPreviousYear_NotOnLargeList()
    {
        var report = PolicyEngine.FindLowEfficiency(Facts(2023, Fact(1, "100")), Facts(2022, Fact(2, "100")), Rules);

        Assert.Empty(report.LargeLowTax);
    }

    [Fact]
    public void FindLowEfficiency_NoPreviousYear_LargeListEmptyAndSaysWhy()
    {
        var report = PolicyEngine.FindLowEfficiency(Facts(2023, Fact(1, "40")), null, Rules);

        Assert.Empty(report.LargeLowTax);
        Assert.Single(report.LowTax);
        Assert.Null(report.Previous);
        Assert.Contains("cannot be drawn up", report.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void FindLowEfficiency_Report_NamesPublicationsAndPolicyAndSortsByCode()
    {
        var report = PolicyEngine.FindLowEfficiency(Facts(2023, Fact(3, "10"), Fact(2, "20"), Fact(1, "500")), Facts(2022, Fact(2, "20")), Rules);

        Assert.Equal([Code(2), Code(3)], report.LowTax.Select(e => e.CreditCode));
        Assert.Equal(("run-2023", 2022), (report.Current.RunId, report.Previous!.Year));
        Assert.Equal("linhai-2022", report.Policy.Id);
        Assert.Equal("临政发〔2022〕22号 附件 二、主要目标", report.Citation);
    }

    [Fact]
    public void FindLowEfficiency_PreviousNotTheYearBefore_Throws()
    {
        Assert.Throws<ArgumentException>(() => PolicyEngine.FindLowEfficiency(Facts(2023, Fact(1, "1")), Facts(2021, Fact(1, "1")), Rules));
    }

    [Fact]
    public void Validate_Facts_DuplicateCodeAndZeroLand()
    {
        var problems = Facts(2023, Fact(1, "1"), Fact(1, "1", land: "0")).Validate();

        Assert.Equal(["enterprises[1].credit_code", "enterprises[1].land_mu"], problems.Select(p => p.Field));
    }
}
