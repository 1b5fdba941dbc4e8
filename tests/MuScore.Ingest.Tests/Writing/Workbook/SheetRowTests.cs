using System.Text;

namespace MuScore.Ingest.Tests.Writing.Workbook;

public class SheetRowTests
{
    private static readonly byte[][] Columns = [.. new[] { "A", "B", "C", "D" }.Select(Encoding.ASCII.GetBytes)];

    [Fact]
    public void Cell_SameOnEveryRow_SameXmlWithoutTheValuesMarks()
    {
        // Row 7: A a number, B empty (so C carries its reference), C a shared text, D the year.
        XlsxCell[] plain = [XlsxCell.Of(41), default, XlsxCell.OfText("zj-standard", repeated: true), XlsxCell.Of(2025)];
        XlsxCell[] fixedCells = [plain[0], default, plain[2].SameOnEveryRow(), plain[3].SameOnEveryRow()];

        var (plainXml, plainMarks) = Write(plain);
        var (fixedXml, fixedMarks) = Write(fixedCells);

        Assert.Equal("<row><c><v>41</v></c><c r=\"C7\" t=\"s\"><v>0</v></c><c><v>2025</v></c></row>", plainXml);
        Assert.Equal(plainXml, fixedXml);
        Assert.Equal(["41", "7", "0", "2025"], Values(plainXml, plainMarks));

        // The reference's row still varies from row to row: it stays a value.
        Assert.Equal(["41", "7"], Values(fixedXml, fixedMarks));
    }

    [Fact]
    public void Cell_BeforeTheLastOne_IsRefused()
    {
        using var xml = new SheetXmlBuffer();
        var writer = new SheetRowWriter(Columns, new WorkbookSharedStrings());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var row = writer.Begin(xml, 2);
            row.Whole(2, 1);
            row.Whole(1, 2);
        });

        Assert.Contains("column order", error.Message, StringComparison.Ordinal);
    }

    private static (string Xml, int[] Marks) Write(XlsxCell[] cells)
    {
        var shared = new WorkbookSharedStrings();
        shared.IndexOf("zj-standard");
        shared.Freeze();
        using var xml = new SheetXmlBuffer();
        new SheetRowWriter(Columns, shared).Write(xml, cells, 7);
        return (Encoding.UTF8.GetString(xml.Written), xml.Marks.ToArray());
    }

    private static List<string> Values(string xml, int[] marks)
    {
        var values = new List<string>();
        for (var i = 0; i < marks.Length; i += 2)
        {
            values.Add(xml[marks[i]..marks[i + 1]]);
        }

        return values;
    }
}
