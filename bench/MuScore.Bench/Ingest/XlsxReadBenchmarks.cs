using System.Data;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;
using MiniExcelLibs;
using MuScore.Ingest;

namespace MuScore.Bench.Ingest;

/// <summary>
/// Reading every cell of a generated N-row workbook as text, per candidate reader: the project's
/// own source (what "muscore rate" reads through), ExcelDataReader, MiniExcel and the Open XML
/// SDK's SAX reader. Each returns the characters read, so no candidate can skip work.
/// docs/decisions.md records which one the project reads with and why.
/// </summary>
[MemoryDiagnoser]
public class XlsxReadBenchmarks
{
    private string path = string.Empty;

    /// <summary>Data rows in the workbook.</summary>
    [Params(100_000)]
    public int N { get; set; }

    /// <summary>How the workbook stores text.</summary>
    [Params(XlsxStrings.Inline, XlsxStrings.Shared)]
    public XlsxStrings Strings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance); // ExcelDataReader asks for code page 1252
        path = SampleXlsxFiles.Get(N, Strings);
    }

    /// <summary>The project's source, through TableReader.</summary>
    [Benchmark(Baseline = true)]
    public long Project()
    {
        using var source = TableReader.OpenSource(File.OpenRead(path), ownsStream: true, path, null);
        long chars = 0;
        while (source.Read())
        {
            for (var i = 0; i < source.CellCount; i++)
            {
                chars += source.Cell(i).Length;
            }
        }

        return chars;
    }

    /// <summary>ExcelDataReader 3.6: values as objects, text made as the project would.</summary>
    [Benchmark]
    public long ExcelDataReader()
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        long chars = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                chars += Text(reader.GetValue(i)).Length;
            }
        }

        return chars;
    }

    /// <summary>MiniExcel 1.47: rows as dictionaries keyed by column letter.</summary>
    [Benchmark]
    public long MiniExcel()
    {
        using var stream = File.OpenRead(path);
        long chars = 0;
        foreach (IDictionary<string, object?> row in MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            foreach (var value in row.Values)
            {
                chars += Text(value).Length;
            }
        }

        return chars;
    }

    /// <summary>Open XML SDK 3.3 SAX (OpenXmlReader): cell values as stored, shared strings looked up.</summary>
    [Benchmark]
    public long OpenXmlSax()
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        long chars = 0;
        using var reader = OpenXmlReader.Create(sheet);
        string? type = null;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
            {
                type = reader.Attributes.FirstOrDefault(a => a.LocalName == "t").Value;
            }
            else if (reader.ElementType == typeof(CellValue) && reader.IsStartElement)
            {
                var text = reader.GetText();
                chars += type == "s" ? strings[int.Parse(text, CultureInfo.InvariantCulture)].Length : text.Length;
            }
            else if (reader.ElementType == typeof(InlineString) && reader.IsStartElement)
            {
                chars += ((InlineString)reader.LoadCurrentElement()!).InnerText.Length;
            }
        }

        return chars;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
