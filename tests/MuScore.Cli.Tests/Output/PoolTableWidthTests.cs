using System.Globalization;
using MuScore.Cli.Output;
using MuScore.Cli.Publishing;
using MuScore.Contracts.V1;
using Spectre.Console.Testing;

namespace MuScore.Cli.Tests.Output;

/// <summary>
/// The publish pool table with Chinese pool names and counts past 1,000,000 stays in columns at
/// every console width: it once ran counts together past 100,000 ("57,061110,835").
/// </summary>
public sealed class PoolTableWidthTests
{
    private static readonly Run Province = new()
    {
        Pools =
        {
            new PoolCounts { Pool = "规上工业企业（制造业）", Size = 1_234_567, A = 57_061, B = 110_835, C = 1_000_000, D = 66_671 },
            new PoolCounts { Pool = "规下", Size = 2_000_001, A = 400_000, B = 800_000, C = 600_001, D = 200_000 },
            new PoolCounts { Pool = "ABOVE", Size = 12, A = 3, B = 4, C = 4, D = 1 },
        },
    };

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(200)]
    public void PoolTable_ChineseNamesAndMillions_EveryCountWholeAndRightAligned(int width)
    {
        var console = new TestConsole().Width(width);

        console.Write(PublishSummary.PoolTable(Province));

        var lines = console.Output.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.All(lines, line => Assert.True(DisplayWidth(line) <= width, $"'{line}' is wider than {width}"));

        // A narrow console wraps the long name inside its column; the counts stay whole on the pool's first line.
        var rows = lines.Skip(1).Where(l => l.Any(char.IsAsciiDigit)).ToArray();
        Assert.Equal(Province.Pools.Count, rows.Length);
        Assert.All(lines.Skip(1).Except(rows), continuation => Assert.DoesNotContain(continuation, char.IsAsciiDigit));
        if (width >= 80)
        {
            Assert.Equal(Province.Pools.Count + 1, lines.Length);
        }

        foreach (var (pool, line) in Province.Pools.Zip(rows))
        {
            Assert.StartsWith(pool.Pool[..2], line, StringComparison.Ordinal);
            var counts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5..];
            Assert.Equal(new[] { pool.Size, pool.A, pool.B, pool.C, pool.D }.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)), counts);
        }

        // Right-aligned: the header and every pool's line end at one edge, and each count column's right edge is shared.
        Assert.Single(rows.Prepend(lines[0]).Select(DisplayWidth).Distinct());
        var edges = rows.Select(CountEdges).ToArray();
        Assert.All(edges, e => Assert.Equal(edges[0], e));
    }

    [Fact]
    public void Render_PlainText_MatchesTheTestConsoleAndHasNoAnsiCodes()
    {
        var console = new TestConsole().Width(80);
        console.Write(PublishSummary.PoolTable(Province));

        var text = TextTable.Render(PublishSummary.PoolTable(Province), 80);

        Assert.Equal(string.Concat(console.Output.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd() + "\n")), text);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.Contains(" 57,061 ", text, StringComparison.Ordinal);
        Assert.Contains(" 110,835 ", text, StringComparison.Ordinal);
    }

    /// <summary>Display columns where each run of non-space characters after the pool name ends.</summary>
    private static int[] CountEdges(string line)
    {
        var edges = new List<int>();
        var column = 0;
        for (var i = 0; i < line.Length; i++)
        {
            column += CellWidth(line[i]);
            if (line[i] != ' ' && (i + 1 == line.Length || line[i + 1] == ' '))
            {
                edges.Add(column);
            }
        }

        return [.. edges.TakeLast(5)];
    }

    private static int DisplayWidth(string line) => line.Sum(CellWidth);

    /// <summary>East Asian wide characters (CJK ideographs, full-width forms) take two cells, as a terminal draws them.</summary>
    private static int CellWidth(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\uff00' and <= '\uff60' or >= '\u3000' and <= '\u303f' ? 2 : 1;
}
