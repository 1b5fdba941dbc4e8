using System.Text;
using MuScore.Core.Hashing;
using MuScore.Core.Records;
using MuScore.Core.Sampling;

namespace MuScore.Ingest.Tests.Tables;

/// <summary>
/// The loader takes a CSV's plain records (no quote, no lone CR) as text and splits them on the
/// workers. Whatever the mix of plain and other records, the rows, row numbers, blank rows,
/// messages, hash and the errors of a broken file must be those of the record-by-record read.
/// </summary>
public class RowLoaderRunTests
{
    // Enough rows for several blocks and many refills of the parser's 64 Ki-char buffer.
    private const int Rows = 9_000;

    public static TheoryData<string> Newlines => new() { "\n", "\r\n" };

    [Theory]
    [MemberData(nameof(Newlines))]
    public void Load_PlainRowsMixedWithEveryOtherKind_SameAsRecordByRecord(string newline)
    {
        var text = MixedCsv(newline, ',');

        AssertSameAsRecordByRecord(text);
    }

    [Fact]
    public void Load_TabDelimitedMix_SameAsRecordByRecord()
    {
        var text = MixedCsv("\n", '\t');

        AssertSameAsRecordByRecord(text);
    }

    [Fact]
    public void Load_BlankRecordsInsideAndAtTheEnd_BlankRowsOnlyBeforeANonBlankRow()
    {
        var rows = Enumerable.Range(1, 50).Select(n => string.Join(',', Samples.Row(n)));
        var text = string.Join(',', Samples.EnglishHeaders) + "\n" + string.Join("\n,, ,\n\n", rows) + "\n\n , ,\n\u3000\n";

        var result = Samples.Load(text);

        Assert.Equal(50 + (49 * 2), result.Rows.Count);
        Assert.Equal(Enumerable.Range(2, result.Rows.Count), result.Rows.Select(r => r.RowNumber));
        Assert.Equal(49 * 2, result.Rows.Count(r => r.Problems.Any(p => p.Rule == ProblemRule.BlankRow)));
        Assert.NotNull(result.Rows[^1].Record);
        AssertSameAsRecordByRecord(text);
    }

    [Fact]
    public void Load_ExtraCellsInPlainRecords_SameProblemAsRecordByRecord()
    {
        var rows = Enumerable.Range(1, 3000).Select(n => string.Join(',', Samples.Row(n)) + (n % 7 == 0 ? ",1,234, ,x" : n % 5 == 0 ? ", , " : string.Empty));
        var text = string.Join(',', Samples.EnglishHeaders) + "\n" + string.Join("\n", rows) + "\n";

        var result = Samples.Load(text);

        var first = Assert.Single(result.Rows[6].Problems);
        Assert.Equal("the row has 3 non-blank cells right of the last header column (column 11 '1', column 12 '234', column 14 'x'); an unquoted comma, such as a thousands separator, splits a cell in two", first.Message);
        Assert.Empty(result.Rows[4].Problems);
        AssertSameAsRecordByRecord(text);
    }

    [Fact]
    public void Load_InvalidBytesAfterTheSampledMebibyte_SameMessageAsRecordByRecord()
    {
        var rows = Enumerable.Range(1, 14_000).Select(n => string.Join(',', Samples.Row(n))).ToList();
        var good = Encoding.UTF8.GetBytes(string.Join(',', Samples.EnglishHeaders) + "\n" + string.Join("\n", rows.Take(12_000)) + "\n");
        Assert.True(good.Length > EncodingDetector.SampleSize);
        var tail = Encoding.UTF8.GetBytes(string.Join("\n", rows.Skip(12_000)) + "\n");
        byte[] bytes = [.. good, 0xff, 0xfe, .. tail];

        using var loaded = Samples.Open(bytes);
        var error = Assert.Throws<TableFormatException>(() => RowLoader.Load(loaded));
        using var read = Samples.Open(bytes);
        var expected = Assert.Throws<TableFormatException>(() => read.ReadRows().Count());

        Assert.Equal(expected.Message, error.Message);
        Assert.Contains("is not valid UTF-8 near byte", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_EveryFieldInCanonicalOrder_SameHashAndRowsAsRecordByRecord(bool chinese)
    {
        // The layout of the template and of `muscore sample`, whose canonical bytes come from the row's text:
        // bad rows of every kind, then cells the hash trims, extra and missing cells, blank records.
        var rows = SampleGenerator.Generate(new SampleOptions { Count = 9_000, Seed = 11, BadRowRate = 0.05, ChineseHeaders = chinese }).ToList();
        var lines = rows.Select((row, n) => (n % 211) switch
        {
            1 => string.Join(',', row.Select((cell, c) => c == n % row.Length ? " " + cell : cell)), // a cell with white space before it
            2 => string.Join(',', row.Select((cell, c) => c == n % row.Length ? cell + "\u3000" : cell)), // an ideographic space after it
            3 => string.Join(',', row) + ",", // one more, empty, cell
            4 => string.Join(',', row[..^1]), // one cell short
            5 => new string(',', row.Length - 1), // every cell empty: a blank row
            _ => string.Join(',', row),
        });
        var text = string.Join(',', SampleGenerator.Headers(chinese)) + "\n" + string.Join("\n", lines) + "\n";

        AssertSameAsRecordByRecord(text);
    }

    [Fact]
    public void Load_StrictStopsInsideARun_AtTheFirstBadRow()
    {
        var rows = Enumerable.Range(1, Rows).Select(n => string.Join(',', n == 5000 ? Samples.RowWith(n, "tax", "x") : Samples.Row(n)));
        var text = string.Join(',', Samples.EnglishHeaders) + "\n" + string.Join("\n", rows) + "\n";

        var result = Samples.Load(text, new LoadOptions { Strict = true });

        Assert.Equal(5001, result.StoppedAt!.RowNumber);
        Assert.Equal(5000, result.Rows.Count);
    }

    /// <summary>Plain rows with, now and then, a quoted cell, a literal quote, a lone CR, blank and short records, and Chinese text.</summary>
    private static string MixedCsv(string newline, char delimiter)
    {
        var text = new StringBuilder(string.Join(delimiter, Samples.EnglishHeaders)).Append(newline);
        for (var n = 1; n <= Rows; n++)
        {
            var row = n % 997 == 0 ? Samples.RowWith(n, "tax", "x" + n) : Samples.Row(n);
            var line = string.Join(delimiter, row);
            line = (n % 613) switch
            {
                1 => line.Replace("有限公司", "\"有限\"公司", StringComparison.Ordinal), // a literal quote inside an unquoted cell
                2 => "\"" + row[0] + "\"" + line[row[0].Length..], // a quoted cell
                3 => line + "\r", // a lone CR: the next record starts right after it
                4 => string.Empty, // a blank record
                5 => $"{delimiter} {delimiter}", // a record of blank cells
                6 => row[0] + delimiter + row[1], // a short record
                _ => line,
            };
            text.Append(line).Append(newline);
        }

        return text.ToString();
    }

    private static void AssertSameAsRecordByRecord(string text)
    {
        var result = Samples.Load(text);

        using var table = Samples.Open(text);
        using var hasher = new InputHasher();
        var parser = new RecordParser();
        var expected = new List<ParsedRow>();
        foreach (var row in table.ReadRows())
        {
            hasher.Append(row);
            var parsed = parser.Parse(row);
            expected.Add(row.TableProblems.Count == 0 ? parsed : parsed with { Record = null, Problems = [.. row.TableProblems, .. parsed.Problems] });
        }

        Assert.Equal(hasher.Finish(), result.InputHash);
        Assert.Equal(expected.Count, result.Rows.Count);
        Assert.Equal(expected.Count(r => r.Problems.Count > 0), result.InvalidCount);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].RowNumber, result.Rows[i].RowNumber);
            Assert.Equal(expected[i].Record, result.Rows[i].Record);
            Assert.Equal(expected[i].Problems.Select(p => p.Message), result.Rows[i].Problems.Select(p => p.Message));
        }
    }
}
