namespace MuScore.Ingest.Tests.Writing;

/// <summary>Rows of a continuation, appended after the table's own header, are the bytes of one writer.</summary>
public class CsvTableWriterContinuationTests
{
    private static readonly string[] Headers = ["row", "name", "total"];
    private static readonly XlsxColumnKind[] Kinds = [XlsxColumnKind.Number, XlsxColumnKind.Text, XlsxColumnKind.Number];

    private static readonly string?[][] Rows =
    [
        ["1", "=cmd|' /c calc'!A1", "12.5"],
        ["2", "甲, \"乙\"\n丙", null],
        ["3", "plain", "-3"],
    ];

    [Fact]
    public void Continuation_AfterTheHeader_GivesTheBytesOfOneWriter()
    {
        var whole = new MemoryStream();
        using (var writer = new CsvTableWriter(whole, Headers, Kinds, leaveOpen: true))
        {
            foreach (var row in Rows)
            {
                writer.WriteRow(row);
            }
        }

        var joined = new MemoryStream();
        using (new CsvTableWriter(joined, Headers, Kinds, leaveOpen: true))
        {
        }

        foreach (var row in Rows)
        {
            // One continuation per row: no byte-order mark or header may come with any of them.
            using var continuation = CsvTableWriter.Continuation(joined, Kinds, leaveOpen: true);
            continuation.WriteRow(row);
        }

        Assert.Equal(whole.ToArray(), joined.ToArray());
        Assert.Contains("'=cmd", System.Text.Encoding.UTF8.GetString(joined.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Continuation_RowOfTheWrongWidth_Throws()
    {
        using var continuation = CsvTableWriter.Continuation(new MemoryStream(), Kinds);

        Assert.Throws<ArgumentException>(() => continuation.WriteRow(new string?[] { "1", "x" }));
    }

    [Fact]
    public void Continuation_NoColumns_Throws()
    {
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Continuation(new MemoryStream(), []));
    }
}
