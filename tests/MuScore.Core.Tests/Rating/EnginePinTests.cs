using System.Security.Cryptography;
using System.Text;
using MuScore.Core.Classification;
using MuScore.Core.Rating;
using MuScore.Core.Scoring;
using MuScore.Core.Tests.Builders;
using MuScore.Core.Tests.Properties;

namespace MuScore.Core.Tests.Rating;

/// <summary>
/// Pins the engine's whole result, bit for bit (every row, item and pool figure as in <see cref="RunDump"/>),
/// on tables with every kind of row, under each of the property schemes. The hashes were taken from
/// the engine that built one object per row; the columnar engine must give the same runs.
/// </summary>
public sealed class EnginePinTests
{
    [Theory]
    [InlineData(0, "670d7413d684e36a3abf815c84981a4001cc1930b70c30e5e4dfee1fc25fa609")]
    [InlineData(1, "c4deb75514c48c08eb40e7799d8b7cf567f22e316511bfd119268c30afd6fcf4")]
    [InlineData(2, "453fceba5adc855a0426a0bfae4bfe76225d25b472523d9ff875df2439fce22c")]
    [InlineData(3, "3ad6a67ba634ffe04ebf224c1ed47f4c77fd2d0fc5a456f8cd3b93316a4f27b9")]
    [InlineData(4, "8ad68ca2a3d09ece72c73b82db0a4247f70095c122ffe4910938a5852b944006")]
    public void Rate_MixedTable_SameRunAsPinned(int scheme, string expected)
    {
        var rows = MixedRows.Generate(3_000, seed: 11 + scheme);
        var first = Engine.RateRows(RandomPools.Schemes[scheme], rows);
        var run = Engine.RateRows(RandomPools.Schemes[scheme], rows, history: MixedRows.HistoryFor(first));

        Assert.Equal(expected, Hash(RunDump.Of(run)));
    }

    [Theory]
    [InlineData(0, "670d7413d684e36a3abf815c84981a4001cc1930b70c30e5e4dfee1fc25fa609")]
    [InlineData(3, "3ad6a67ba634ffe04ebf224c1ed47f4c77fd2d0fc5a456f8cd3b93316a4f27b9")]
    [InlineData(4, "8ad68ca2a3d09ece72c73b82db0a4247f70095c122ffe4910938a5852b944006")]
    public void Rate_MixedTableInSmallChunks_SameRunAsPinned(int scheme, string expected)
    {
        // Big pools are scored, classified and sorted in parallel chunks; small chunks take these
        // small tables down the same paths. The run must not change by a bit.
        var (chunk, sort) = (Chunks.Minimum, RankOrder.ParallelMinimum);
        try
        {
            (Chunks.Minimum, RankOrder.ParallelMinimum) = (50, 64);
            Rate_MixedTable_SameRunAsPinned(scheme, expected);
        }
        finally
        {
            (Chunks.Minimum, RankOrder.ParallelMinimum) = (chunk, sort);
        }
    }

    [Fact]
    public void Rate_MixedTableOneRegion_SameRunAsPinned()
    {
        var run = Engine.RateRows(RandomPools.Schemes[0], MixedRows.Generate(2_000, seed: 5), region: "330603");

        Assert.Equal("2f68c1508710328d97edb5ba18daff0c397373a9e9e8927d63fe36d34171e8d2", Hash(RunDump.Of(run)));
    }

    [Fact]
    public void Rate_EveryRandomPool_SameRunsAsPinned()
    {
        // The property tables: blanks, reported zeros, losses, vetoes and construction projects.
        var dumps = Enumerable.Range(0, RandomPools.Seeds).Select(seed => RunDump.Of(Engine.Rate(RandomPools.SchemeFor(seed), RandomPools.Generate(seed))));

        Assert.Equal("2e515b2f68541638900b38f7263d40a0f4c61538684af951926022f0fd3ee244", Hash(string.Concat(dumps)));
    }

    private static string Hash(string dump) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dump)));
}
