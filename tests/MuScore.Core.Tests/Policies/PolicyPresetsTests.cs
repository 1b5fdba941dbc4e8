using MuScore.Core.Policies;
using MuScore.Core.Rating;

namespace MuScore.Core.Tests.Policies;

public class PolicyPresetsTests
{
    [Fact]
    public void Names_ListsTheShippedPresetsSortedOrdinally()
    {
        Assert.Equal(["haining-2025", "linhai-2022", "qingdao", "shandong-2022", "suzhou-2018"], PolicyPresets.Names);
        Assert.Equal(PolicyPresets.Names, PolicyPresets.All.Policies.Select(p => p.Id));
    }

    [Theory]
    [InlineData("shandong-2022", "37", "2022-01-01")]
    [InlineData("haining-2025", "330481", "2025-01-01")]
    [InlineData("suzhou-2018", "3205", "2019-01-01")]
    [InlineData("qingdao", "3702", "2022-01-01")]
    [InlineData("linhai-2022", "331082", "2022-07-16")]
    public void Get_Preset_RegionAndFirstEffectiveDay(string name, string region, string from)
    {
        var policy = PolicyPresets.Get(name);
        var first = policy.Tariffs.Select(t => t.Period.From).Concat(policy.LandTransfer.Select(l => l.Period.From)).Min();

        Assert.Equal([region], policy.Regions);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), first);
    }

    [Fact]
    public void Get_Linhai2022_SeedClausesAndFigures()
    {
        var policy = PolicyPresets.Get("linhai-2022");

        Assert.Equal("临政发〔2022〕22号", policy.Source);
        var land = Assert.Single(policy.LandTransfer);
        Assert.Equal(("(七)", 3, 10m), (land.Clause, land.MaxSplitParcels, land.MinSplitParcelMu));
        Assert.Equal([RatingClass.C, RatingClass.D], land.DeniedReceiverClasses);
        Assert.Equal(["(九)", "(十)", "(十一)", "(十四)"], policy.Subsidies.Select(s => s.Clause));
        var lists = Assert.Single(policy.EfficiencyLists);
        Assert.Equal((2023, 20.3m, 101.4m, 24.23m), (lists.TargetYear, lists.TargetTaxPerMuWan, lists.TargetVaPerMuWan, lists.TargetLabourProductivityWan));
        Assert.Equal((10000m, 10m, 5m), (lists.LargeMinRevenueWan, lists.LargeMaxTaxPerMuWan, lists.LowMaxTaxPerMuWan));
    }

    [Fact]
    public void Get_Unknown_ThrowsListingKnownNames()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => PolicyPresets.Get("beijing"));

        Assert.Contains("shandong-2022", error.Message, StringComparison.Ordinal);
    }
}
