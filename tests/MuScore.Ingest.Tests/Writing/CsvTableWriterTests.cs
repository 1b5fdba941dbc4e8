using System.Text;
using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Writing;

public class CsvTableWriterTests
{
    [Fact]
    public void WriteRow_CellsNeedingQuotes_AreQuotedAndOthersAreNot()
    {
        var bytes = Write(["a", "b", "c", "d", "e", "f"], [["plain", "b,c", "say \"hi\"", "line\nbreak", null, " 空格 "]]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("a,b,c,d,e,f\nplain,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",, 空格 \n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void WriteRow_SameRowsTwice_GivesIdenticalBytes()
    {
        var rows = Enumerable.Range(1, 100).Select(Samples.Row).Select(r => r.Cast<string?>().ToArray()).ToList();

        Assert.Equal(Write(Samples.EnglishHeaders, rows), Write(Samples.EnglishHeaders, rows));
    }

    [Fact]
    public void WriteRow_ReadBackAsInput_GivesTheSameCellsAndHash()
    {
        var rows = Enumerable.Range(1, 200).Select(n => Samples.RowWith(n, "name", n % 3 == 0 ? $"\"引号\", 逗号\r\n换行{n}" : $"企业{n}")).ToList();
        var bytes = Write(Samples.EnglishHeaders, rows.Select(r => r.Cast<string?>().ToArray()));

        using var table = Samples.Open(bytes);
        var read = Samples.ReadAll(table, Field.CreditCode, Field.Name, Field.Tax);

        Assert.Equal("csv-utf8-bom", table.Format);
        Assert.Equal(rows.Select(r => (r[0], r[1], r[6])), read.Select(r => (r.Cells[0], r.Cells[1], r.Cells[2])));
        using var again = Samples.Open(bytes);
        Assert.Equal(Samples.Load(Samples.Csv(Samples.EnglishHeaders, rows)).InputHash, RowLoader.Load(again).InputHash);
    }

    [Fact]
    public void WriteRow_WrongCellCount_Throws()
    {
        using var writer = new CsvTableWriter(new MemoryStream(), ["a", "b"]);

        Assert.Throws<ArgumentException>(() => writer.WriteRow(["only one"]));
    }

    [Fact]
    public void Constructor_Path_WritesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"muscore-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new CsvTableWriter(path, ["年份", "class"]))
            {
                writer.WriteRow((IReadOnlyList<string?>)["2024", "A"]);
            }

            Assert.Equal(Encoding.UTF8.GetBytes("\uFEFF年份,class\n2024,A\n"), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Write(IReadOnlyList<string> headers, IEnumerable<string?[]> rows)
    {
        using var output = new MemoryStream();
        using (var writer = new CsvTableWriter(output, headers, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        return output.ToArray();
    }
}
