using Grpc.Core;
using MuScore.Contracts.V1;
using ProtoRating = MuScore.Contracts.V1.Rating;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Without ratings:figures a caller sees how an enterprise was rated, never what it reported: the
/// same rating less the figures, land_mu and the item values and benchmarks; list entries less
/// every figure. Each minimal answer is compared with the full answer of a caller that has the scope.
/// </summary>
public sealed class FieldMinimisationTests(PublishedSecuredServerFixture fixture) : IClassFixture<PublishedSecuredServerFixture>
{
    private const string Region = PublishedSecuredServerFixture.RatingsRegion;
    private const int Year = PublishedSecuredServerFixture.RatingsYear;

    [Fact]
    public async Task ListRatings_ReadScopeOnly_EveryRatingIsTheFullOneLessFiguresLandAndItemValues()
    {
        var full = await ListAsync("ratings:read ratings:figures");
        var minimal = await ListAsync("ratings:read");

        AssertHasFigures(full);
        Assert.Equal(full.Select(r => r.CreditCode), minimal.Select(r => r.CreditCode));
        AssertMinimalOf(full, minimal);
    }

    [Fact]
    public async Task GetRating_ReadScopeOnly_TheFullRatingLessFiguresLandAndItemValues()
    {
        var codes = (await ListAsync("ratings:read")).Select(r => r.CreditCode).Where((_, i) => i % 10 == 0).ToList();
        using var fullChannel = fixture.Secured.As("ratings:read ratings:figures", "33");
        using var minimalChannel = fixture.Secured.As("ratings:read", "33");

        var full = new List<ProtoRating>();
        var minimal = new List<ProtoRating>();
        foreach (var code in codes)
        {
            var request = new GetRatingRequest { Region = Region, CreditCode = code, Year = Year };
            full.Add((await new RatingService.RatingServiceClient(fullChannel).GetRatingAsync(request)).Rating);
            minimal.Add((await new RatingService.RatingServiceClient(minimalChannel).GetRatingAsync(request)).Rating);
        }

        AssertHasFigures(full);
        AssertMinimalOf(full, minimal);
    }

    [Fact]
    public async Task BatchGetRatings_ReadScopeOnly_EveryEntryIsTheFullOneLessFiguresLandAndItemValues()
    {
        var request = new BatchGetRatingsRequest { Region = Region, Year = Year };
        request.CreditCodes.AddRange((await ListAsync("ratings:read")).Select(r => r.CreditCode));
        using var fullChannel = fixture.Secured.As("ratings:read ratings:figures", "330102");
        using var minimalChannel = fixture.Secured.As("ratings:read", "330102");

        var full = (await new RatingService.RatingServiceClient(fullChannel).BatchGetRatingsAsync(request)).Entries.Select(e => e.Rating).ToList();
        var minimal = (await new RatingService.RatingServiceClient(minimalChannel).BatchGetRatingsAsync(request)).Entries.Select(e => e.Rating).ToList();

        Assert.Equal(200, full.Count);
        AssertHasFigures(full);
        AssertMinimalOf(full, minimal);
    }

    [Fact]
    public async Task GetRating_CertificateCallerWithoutFiguresScope_MinimalRating()
    {
        using var certificate = fixture.Secured.Server.ChannelAs(null, fixture.Secured.ThumbprintClient);
        using var figures = fixture.Secured.As("ratings:read ratings:figures", "3310");
        var request = new GetRatingRequest { Region = PublishedSecuredServerFixture.ListsRegion, CreditCode = PublishedSecuredServerFixture.LinhaiCode(101) };

        var minimal = (await new RatingService.RatingServiceClient(certificate).GetRatingAsync(request)).Rating;
        var full = (await new RatingService.RatingServiceClient(figures).GetRatingAsync(request)).Rating;

        AssertHasFigures([full]);
        AssertMinimalOf([full], [minimal]);
    }

    [Fact]
    public async Task ListLowEfficiency_QuoteScopeOnly_SameEntriesAndHeaderWithoutAnyFigure()
    {
        var (fullHeader, full) = await ListLowEfficiencyAsync("policy:quote ratings:figures");
        var (minimalHeader, minimal) = await ListLowEfficiencyAsync("policy:quote");

        Assert.Equal(fullHeader, minimalHeader);
        Assert.Equal(
            [(LowEfficiencyList.LargeLowTax, PublishedSecuredServerFixture.LinhaiCode(103)), (LowEfficiencyList.LowTax, PublishedSecuredServerFixture.LinhaiCode(101))],
            full.Select(e => (e.List, e.CreditCode)));
        Assert.All(full, e => Assert.NotEmpty(e.TaxWan + e.LandMu + e.TaxPerMuWan));
        Assert.NotEmpty(full[0].PreviousTaxPerMuWan);
        Assert.Equal(full.Count, minimal.Count);
        for (var i = 0; i < full.Count; i++)
        {
            Assert.Equal(full[i].List, minimal[i].List);
            Assert.Equal(full[i].CreditCode, minimal[i].CreditCode);
            Assert.Equal(full[i].Name, minimal[i].Name);
            Assert.Equal(string.Empty, minimal[i].RevenueWan);
            Assert.Equal(string.Empty, minimal[i].TaxWan);
            Assert.Equal(string.Empty, minimal[i].LandMu);
            Assert.Equal(string.Empty, minimal[i].TaxPerMuWan);
            Assert.Equal(string.Empty, minimal[i].PreviousTaxPerMuWan);
            Assert.DoesNotContain(full[i].TaxPerMuWan, minimal[i].Reason, StringComparison.Ordinal);
            Assert.Contains("ratings:figures", minimal[i].Reason, StringComparison.Ordinal);
        }
    }

    /// <summary>What the minimal answer must be: the full one with exactly the reported figures, land and item values and benchmarks removed.</summary>
    private static ProtoRating WithoutFigures(ProtoRating full)
    {
        var minimal = full.Clone();
        minimal.Figures = null;
        minimal.LandMu = string.Empty;
        foreach (var item in minimal.Items)
        {
            item.ClearValue();
            item.ClearBenchmark();
        }

        return minimal;
    }

    private static void AssertMinimalOf(List<ProtoRating> full, List<ProtoRating> minimal)
    {
        Assert.Equal(full.Count, minimal.Count);
        for (var i = 0; i < full.Count; i++)
        {
            Assert.Null(minimal[i].Figures);
            Assert.Equal(string.Empty, minimal[i].LandMu);
            Assert.All(minimal[i].Items, item => Assert.False(item.HasValue || item.HasBenchmark, $"{minimal[i].CreditCode} {item.Indicator} carries a value or benchmark"));

            // Everything else — class, score, rank, percentile, pool, override, gap, D years, publication — as the full answer has it.
            Assert.Equal(WithoutFigures(full[i]), minimal[i]);
        }
    }

    /// <summary>The full answers really carry what the minimal ones leave out, so the comparison is not vacuous.</summary>
    private static void AssertHasFigures(List<ProtoRating> full)
    {
        Assert.Contains(full, r => r.Figures is { TaxWan.Length: > 0 } && r.LandMu.Length > 0);
        Assert.Contains(full, r => r.Items.Any(i => i.HasValue) && r.Items.Any(i => i.HasBenchmark));
        Assert.Contains(full, r => r.RatingClass != RatingClass.Unspecified && r.Rank > 0 && r.Percentile > 0 && r.Pool.Length > 0);
    }

    private async Task<List<ProtoRating>> ListAsync(string scope)
    {
        using var channel = fixture.Secured.As(scope, "3301");
        using var call = new RatingService.RatingServiceClient(channel).ListRatings(new ListRatingsRequest { Region = Region, Year = Year });
        return await call.ResponseStream.ReadAllAsync().ToListAsync();
    }

    private async Task<(LowEfficiencyHeader Header, List<ListedEnterprise> Entries)> ListLowEfficiencyAsync(string scope)
    {
        using var channel = fixture.Secured.As(scope, "331082");
        using var call = new PolicyService.PolicyServiceClient(channel).ListLowEfficiency(new ListLowEfficiencyRequest { Region = PublishedSecuredServerFixture.ListsRegion, Year = PublishedSecuredServerFixture.ListsYear });
        var chunks = await call.ResponseStream.ReadAllAsync().ToListAsync();
        return (chunks[0].Header, [.. chunks.Skip(1).Select(c => c.Entry)]);
    }
}
