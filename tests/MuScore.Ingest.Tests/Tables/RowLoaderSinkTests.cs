using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Tables;

/// <summary>A load that gives its rows to a sink (a server's upload) instead of keeping them: the same rows, order and hash.</summary>
public class RowLoaderSinkTests
{
    private static readonly int Rows = (RowBlock.Capacity * 2) + 123;

    [Fact]
    public void Load_IntoASink_SameRowsInOrderAndTheSameHash_NoRowsKept()
    {
        var text = Samples.Csv(Samples.EnglishHeaders, Enumerable.Range(1, Rows).Select(n => n % 1000 == 0 ? Samples.RowWith(n, "tax", "-1") : Samples.Row(n)));
        var kept = Samples.Load(text);
        var sink = new Collecting();
        using var table = Samples.Open(text);

        var result = RowLoader.Load(table, sink);

        Assert.Empty(result.Rows);
        Assert.Equal(kept.InputHash, result.InputHash);
        Assert.Equal(kept.InvalidCount, result.InvalidCount);
        Assert.Equal(kept.Rows.Select(r => (r.RowNumber, r.Record, r.Problems.Count)), sink.Rows.Select(r => (r.RowNumber, r.Record, r.Problems.Count)));
    }

    [Fact]
    public void Load_SinkThrowsAtARow_TheLoadEndsWithItsExceptionAndNoLaterRowIsGiven()
    {
        var stopAt = RowBlock.Capacity + 7;
        var sink = new Collecting { ThrowAtRow = stopAt };
        using var table = Samples.Open(Samples.Csv(Samples.EnglishHeaders, Enumerable.Range(1, Rows).Select(Samples.Row)));

        var thrown = Assert.Throws<InvalidOperationException>(() => RowLoader.Load(table, sink));

        Assert.Equal("stop", thrown.Message);
        Assert.Equal(stopAt, sink.Rows[^1].RowNumber);
        Assert.Equal(stopAt - 1, sink.Rows.Count);
    }

    private sealed class Collecting : IRowSink
    {
        public List<ParsedRow> Rows { get; } = [];

        public int ThrowAtRow { get; init; } = -1;

        public void Add(ParsedRow row)
        {
            Rows.Add(row);
            if (row.RowNumber == ThrowAtRow)
            {
                throw new InvalidOperationException("stop");
            }
        }
    }
}
