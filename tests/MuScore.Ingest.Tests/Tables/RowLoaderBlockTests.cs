using System.Text;
using MuScore.Core.Hashing;
using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Tables;

/// <summary>
/// The loader validates rows in blocks on several threads: across many blocks the rows, their
/// order, the messages and the hash must be those of a one-thread read, and a strict load must
/// stop at the first bad row in row order.
/// </summary>
public class RowLoaderBlockTests
{
    // Three and a half blocks, so rows cross block boundaries and the last block is partly filled.
    private static readonly int Rows = (RowBlock.Capacity * 3) + (RowBlock.Capacity / 2);

    [Fact]
    public void Load_ManyBlocks_SameRowsOrderAndHashAsOneThread()
    {
        var rows = Enumerable.Range(1, Rows).Select(n => n % 997 == 0 ? Samples.RowWith(n, "tax", "x" + n) : Samples.Row(n)).ToList();
        var text = Samples.Csv(Samples.EnglishHeaders, rows);

        var result = Samples.Load(text);

        var (expectedHash, expected) = OneThread(text);
        Assert.Equal(expectedHash, result.InputHash);
        Assert.Equal(expected.Count, result.Rows.Count);
        Assert.Equal(Rows / 997, result.InvalidCount);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].RowNumber, result.Rows[i].RowNumber);
            Assert.Equal(expected[i].Record, result.Rows[i].Record);
            Assert.Equal(expected[i].Problems.Select(p => p.Message), result.Rows[i].Problems.Select(p => p.Message));
        }
    }

    [Fact]
    public void Load_StrictWithBadRowsInSeveralBlocks_StopsAtTheFirstInRowOrder()
    {
        var firstBad = (RowBlock.Capacity * 2) + 17;
        var rows = Enumerable.Range(1, Rows).Select(n => n == firstBad || n == Rows - 5 ? Samples.RowWith(n, "scale", "x") : Samples.Row(n));

        var result = Samples.Load(Samples.Csv(Samples.EnglishHeaders, rows), new LoadOptions { Strict = true });

        Assert.False(result.Complete);
        Assert.Equal(firstBad + 1, result.StoppedAt!.RowNumber);
        Assert.Equal(firstBad, result.Rows.Count);
        Assert.Same(result.StoppedAt, result.Rows[^1]);
        Assert.Equal(1, result.InvalidCount);
        Assert.Equal(string.Empty, result.InputHash);
    }

    [Fact]
    public void Load_StrictBadRowBeforeABrokenEnd_StopsAtTheRowInsteadOfThrowing()
    {
        var rows = Enumerable.Range(1, RowBlock.Capacity + 10).Select(n => n == 5 ? Samples.RowWith(n, "tax", "-1") : Samples.Row(n));
        var text = Samples.Csv(Samples.EnglishHeaders, rows) + "\"never closed,1\n";

        var strict = Samples.Load(text, new LoadOptions { Strict = true });

        Assert.Equal(6, strict.StoppedAt!.RowNumber);
        Assert.Throws<TableFormatException>(() => Samples.Load(text));
    }

    [Fact]
    public void Load_ProgressOverManyBlocks_CountsRowsInOrder()
    {
        var reports = new List<int>();
        using var table = Samples.Open(Samples.Csv(Samples.EnglishHeaders, Enumerable.Range(1, Rows).Select(Samples.Row)));

        RowLoader.Load(table, new LoadOptions { ProgressInterval = 5000 }, new SyncProgress(p => reports.Add(p.Rows)));

        Assert.Equal([5000, 10000, Rows], reports);
    }

    private static (string Hash, List<ParsedRow> Rows) OneThread(string text)
    {
        using var table = Samples.Open(text);
        using var hasher = new InputHasher();
        var parser = new RecordParser();
        var rows = new List<ParsedRow>();
        foreach (var row in table.ReadRows())
        {
            hasher.Append(row);
            rows.Add(parser.Parse(row));
        }

        return (hasher.Finish(), rows);
    }

    private sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }
}
