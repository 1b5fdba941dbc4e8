using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Records;

/// <summary>
/// Duplicates among enough rows that the codes are searched in partitions on every core, with
/// twins near and far apart, in the same and in other regions: exactly the rows sharing a code
/// within a region are INVALID, each naming the others.
/// </summary>
public sealed class DuplicateCreditCodeManyRowsTests
{
    private static readonly Scheme Scheme = SchemeBuilder.TotalIsTaxPerMu().Build();

    [Fact]
    public void Rate_ManyRowsWithTwinsAndTriplets_ExactlyTheSharedCodesPerRegionAreInvalid()
    {
        const int n = 80_000;
        var records = Enumerable.Range(1, n).Select(i => Pools.Scoring(i, i % 97).Build()).ToList();
        for (var i = 500; i < n; i += 1_000)
        {
            records[i] = records[i] with { CreditCode = records[i - 499].CreditCode }; // a twin far back
            records[i + 1] = records[i + 1] with { CreditCode = records[i].CreditCode }; // a third, next to it
            records[i + 2] = records[i + 2] with { CreditCode = records[i - 3].CreditCode, Region = "331003" }; // same code, other region
        }

        var run = Engine.Rate(Scheme, records);

        var expected = records.Select((r, i) => (r, i)).GroupBy(x => (x.r.CreditCode, x.r.Region)).Where(g => g.Count() > 1).SelectMany(g => g.Select(x => x.i)).Order().ToList();
        var invalid = run.Rows.Select((row, i) => (row, i)).Where(x => x.row.Problems.Any(p => p.Rule == ProblemRule.DuplicateCreditCode)).Select(x => x.i).ToList();
        Assert.Equal(3 * ((n - 500 + 999) / 1_000), expected.Count);
        Assert.Equal(expected, invalid);
        var triplet = run.Rows[1_500].Problems.Single(p => p.Rule == ProblemRule.DuplicateCreditCode);
        Assert.EndsWith("also in row(s) 1003, 1503", triplet.Message, StringComparison.Ordinal);
    }
}
