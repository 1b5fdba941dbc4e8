using System.Globalization;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Policies;

/// <summary>
/// ListLowEfficiency and SummarizeRegion over Linhai's published 2022 and 2023 evaluations (seed
/// 004 附件 二): hand-built enterprises sit exactly on and just past each limit.
/// </summary>
public sealed class ListsAndSummaryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Linhai = PolicyRuns.Linhai;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (Run Previous, Run Current)? runs;

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Fact]
    public async Task ListLowEfficiency_TaxPerMuExactlyFive_OnLowTaxListJustAboveIsNot()
    {
        await PublishAsync();

        var (_, entries) = await ListAsync(2023);

        var low = entries.Where(e => e.List == LowEfficiencyList.LowTax).ToList();
        var listed = Assert.Single(low);
        Assert.Equal(Code(101), listed.CreditCode);
        Assert.Equal("50", listed.TaxWan);
        Assert.Equal("10", listed.LandMu);
        Assert.Equal("5", listed.TaxPerMuWan);
        Assert.Equal(string.Empty, listed.PreviousTaxPerMuWan);
        Assert.Contains("5万元(含)以下", listed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListLowEfficiency_RevenueOneYiAndTenPerMuTwoYears_OnLargeListOthersNot()
    {
        await PublishAsync();

        var (_, entries) = await ListAsync(2023);

        var large = Assert.Single(entries, e => e.List == LowEfficiencyList.LargeLowTax);
        Assert.Equal(Code(103), large.CreditCode);
        Assert.Equal("10000", large.RevenueWan);
        Assert.Equal("10", large.TaxPerMuWan);
        Assert.Equal("10", large.PreviousTaxPerMuWan);

        // 104: revenue 9,999.99; 105: 10.001 per mu the year before; 106: not in the 2022 evaluation.
        Assert.DoesNotContain(entries, e => e.CreditCode == Code(104) || e.CreditCode == Code(105) || e.CreditCode == Code(106));
    }

    [Fact]
    public async Task ListLowEfficiency_Header_NamesBothPublicationsPolicyAndCounts()
    {
        var (previous, current) = await PublishAsync();

        var (header, entries) = await ListAsync(2023);

        Assert.Equal(current.RunId, header.Current.RunId);
        Assert.Equal(2023, header.Current.Year);
        Assert.Equal(1, header.Current.Version);
        Assert.Equal(previous.RunId, header.Previous.RunId);
        Assert.Equal(2022, header.Previous.Year);
        Assert.Equal("linhai-2022", header.Policy.Id);
        Assert.Contains("附件", header.Citation, StringComparison.Ordinal);
        Assert.Equal(1, header.LargeLowTaxCount);
        Assert.Equal(1, header.LowTaxCount);
        Assert.Equal(2, entries.Count);
        Assert.Equal(LowEfficiencyList.LargeLowTax, entries[0].List);
    }

    [Fact]
    public async Task ListLowEfficiency_FirstYearWithoutPrevious_LargeListEmptyAndNoteSaysWhy()
    {
        await PublishAsync();

        var (header, entries) = await ListAsync(2022);

        Assert.Null(header.Previous);
        Assert.Equal(0, header.LargeLowTaxCount);
        Assert.DoesNotContain(entries, e => e.List == LowEfficiencyList.LargeLowTax);
        Assert.Contains("not supplied", header.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeRegion_Year2023_AggregatesAgainstTargetsWithMargins()
    {
        var (_, current) = await PublishAsync();

        var summary = await Client.SummarizeRegionAsync(new SummarizeRegionRequest { Region = Linhai, Year = 2023 });

        Assert.Equal(current.RunId, summary.Publication.RunId);
        Assert.Equal("linhai-2022", summary.Policy.Id);
        Assert.Equal(2023, summary.TargetYear);
        Assert.Equal(36, summary.AboveScaleEnterprises);

        // Σtax = 30 × 300 + 50 + 50.01 + 4 × 100 (103–106) = 9,500.01 over 360 mu.
        Assert.Equal("9500.01", summary.TaxPerMu.Numerator);
        Assert.Equal("360", summary.TaxPerMu.Denominator);
        Assert.Equal("26.3889", summary.TaxPerMu.Value);
        Assert.Equal("20.3", summary.TaxPerMu.Target);
        Assert.True(summary.TaxPerMu.Met);
        Assert.Equal("6.0889", summary.TaxPerMu.Margin);

        Assert.Equal("50", summary.VaPerMu.Value);
        Assert.False(summary.VaPerMu.Met);
        Assert.Equal("-51.4", summary.VaPerMu.Margin);

        Assert.Equal("万元/人", summary.LabourProductivity.Unit);
        Assert.Equal("5", summary.LabourProductivity.Value);
        Assert.Equal("24.23", summary.LabourProductivity.Target);
        Assert.False(summary.LabourProductivity.Met);
    }

    [Fact]
    public async Task SummarizeRegion_RulesInForceButNothingPublished_NotFound()
    {
        await using var empty = await ServerInstance.StartAsync();
        var client = new PolicyService.PolicyServiceClient(empty.Channel);

        var reason = await RpcAssert.NotFound(() => client.SummarizeRegionAsync(new SummarizeRegionRequest { Region = Linhai, Year = 2023 }).ResponseAsync);

        Assert.Equal("NOTHING_PUBLISHED", reason);
    }

    [Fact]
    public async Task ListLowEfficiency_RegionWithoutListRules_NotFoundNoPolicyInForce()
    {
        var reason = await RpcAssert.NotFound(async () =>
        {
            using var call = Client.ListLowEfficiency(new ListLowEfficiencyRequest { Region = "370102", Year = 2023 });
            await call.ResponseStream.MoveNext();
        });

        Assert.Equal("NO_POLICY_IN_FORCE", reason);
    }

    [Fact]
    public async Task SummarizeRegion_BadRegionAndYear_InvalidArgumentNamingBoth()
    {
        var violations = await RpcAssert.InvalidArgument(() => Client.SummarizeRegionAsync(new SummarizeRegionRequest { Region = "33108", Year = 1800 }).ResponseAsync);

        RpcAssert.HasViolation(violations, "region", "region_format");
        RpcAssert.HasViolation(violations, "year", "year_range");
    }

    private static string Code(int serial) => Records.Code(serial, Linhai);

    private static EnterpriseRecord With(int serial, decimal tax, decimal revenue)
    {
        var record = Records.Enterprise(serial, Linhai, tax);
        record.Revenue = revenue.ToString(CultureInfo.InvariantCulture);
        return record;
    }

    /// <summary>30 ordinary enterprises (30 万元/亩) and the boundary cases; 106 is new in 2023.</summary>
    private static List<EnterpriseRecord> Year(int year)
    {
        var records = Enumerable.Range(1, 30).Select(i => With(i, 300m, 2000m)).ToList();
        records.Add(With(101, 50m, 2000m));
        records.Add(With(102, 50.01m, 2000m));
        records.Add(With(103, 100m, 10000m));
        records.Add(With(104, 100m, 9999.99m));
        records.Add(With(105, year == 2022 ? 100.01m : 100m, 10000m));
        if (year == 2023)
        {
            records.Add(With(106, 100m, 20000m));
        }

        return records;
    }

    private async Task<(Run Previous, Run Current)> PublishAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return runs ??= (
                await PolicyRuns.PublishOnAsync(fixture.Server, Linhai, 2022, Year(2022), new DateTimeOffset(2023, 3, 1, 9, 0, 0, TimeSpan.FromHours(8))),
                await PolicyRuns.PublishOnAsync(fixture.Server, Linhai, 2023, Year(2023), new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(8))));
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<(LowEfficiencyHeader Header, List<ListedEnterprise> Entries)> ListAsync(int year)
    {
        using var call = Client.ListLowEfficiency(new ListLowEfficiencyRequest { Region = Linhai, Year = year });
        LowEfficiencyHeader? header = null;
        var entries = new List<ListedEnterprise>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            if (chunk.PartCase == LowEfficiencyChunk.PartOneofCase.Header)
            {
                Assert.Null(header);
                Assert.Empty(entries);
                header = chunk.Header;
            }
            else
            {
                entries.Add(chunk.Entry);
            }
        }

        return (header ?? throw new InvalidOperationException("no header"), entries);
    }
}
