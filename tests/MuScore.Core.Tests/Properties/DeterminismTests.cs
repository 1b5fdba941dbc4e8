using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Properties;

/// <summary>
/// Determinism (docs/method.md §5, preamble): the same input and scheme give bit-identical results, and
/// the order of the input rows changes no enterprise's rating.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Rate_TwoRunsOfTheSameInput_BitIdentical()
    {
        for (var seed = 0; seed < RandomPools.Seeds; seed++)
        {
            var scheme = RandomPools.SchemeFor(seed);
            var first = RunDump.Of(Engine.Rate(scheme, RandomPools.Generate(seed)));
            var second = RunDump.Of(Engine.Rate(scheme, RandomPools.Generate(seed)));
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void Rate_ShuffledRows_EveryEnterpriseRatedTheSame()
    {
        for (var seed = 0; seed < RandomPools.Seeds; seed++)
        {
            var scheme = RandomPools.SchemeFor(seed);
            var rows = Engine.AsRows(RandomPools.Generate(seed));
            var shuffled = new Prng((ulong)seed + 99).Shuffle(rows);

            var original = Engine.RateRows(scheme, rows);
            var reordered = Engine.RateRows(scheme, shuffled);

            Assert.Equal(ByCode(original), ByCode(reordered));
            Assert.Equal(
                original.Pools.Select(p => RunDump.Of(original with { Rows = [], Pools = [p] })),
                reordered.Pools.Select(p => RunDump.Of(reordered with { Rows = [], Pools = [p] })));

            // Outcomes stay in input order: the i-th outcome is the i-th row given.
            Assert.Equal(shuffled.Select(r => r.RowNumber), reordered.Rows.Select(r => r.RowNumber));
        }
    }

    [Fact]
    public void Rate_RunMetadata_CarriedThrough()
    {
        var run = Engine.Rate(RandomPools.Schemes[0], RandomPools.Generate(1));
        Assert.Equal(Engine.InputHash, run.InputHash);
        Assert.Equal("zj-standard", run.SchemeId);
        Assert.Equal(Engine.Year, run.Year);
        Assert.Equal(SchemeJson.Hash(RandomPools.Schemes[0]), run.SchemeHash);
        Assert.Equal(RandomPools.Generate(1).Length, run.Rows.Count);
    }

    private static SortedDictionary<string, string> ByCode(RatingRun run) =>
        new(run.Rows.ToDictionary(r => r.CreditCode!, r => $"{r.RowNumber}|{r.Status.Code()}|{string.Join(',', r.Exclusions)}|{(r.Rating is { } x ? RunDump.Rating(x) : "-")}"), StringComparer.Ordinal);
}
