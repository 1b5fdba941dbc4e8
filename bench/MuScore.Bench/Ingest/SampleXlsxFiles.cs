using System.Collections.Concurrent;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.Ingest;
using Reference = MuScore.Ingest.CellReference;

namespace MuScore.Bench.Ingest;

/// <summary>How the text cells of a benchmark workbook are stored.</summary>
public enum XlsxStrings
{
    /// <summary>Inline strings, as <see cref="XlsxTableWriter"/> (SpreadCheetah), POI streaming and many government exporters write.</summary>
    Inline,

    /// <summary>A shared-string table and a date style on production_start, as Excel, WPS and LibreOffice write.</summary>
    Shared,
}

/// <summary>
/// Generated sample workbooks (seed 42, year 2024, region 331082, Chinese headers), written once
/// per process into a private temp folder that is deleted when the process exits.
/// </summary>
internal static class SampleXlsxFiles
{
    private static readonly ConcurrentDictionary<(int Count, XlsxStrings Strings), string> Files = new();
    private static readonly Lazy<string> Folder = new(CreateFolder);

    /// <summary>The path of the sample workbook with <paramref name="count"/> data rows.</summary>
    public static string Get(int count, XlsxStrings strings) =>
        Files.GetOrAdd((count, strings), key => key.Strings == XlsxStrings.Inline ? WriteInline(key.Count) : WriteShared(key.Count));

    private static SampleOptions Options(int count) => new() { Count = count, Seed = 42, Year = 2024, Regions = ["331082"] };

    private static string WriteInline(int count)
    {
        var path = Path.Combine(Folder.Value, $"sample-{count}-inline.xlsx");
        var kinds = FieldCatalog.All.Select(f => f.Kind == FieldKind.Number ? XlsxColumnKind.Number : XlsxColumnKind.Text).ToArray();
        using var writer = new XlsxTableWriter(path, SampleGenerator.Headers(chinese: true), kinds);
        foreach (var cells in SampleGenerator.Generate(Options(count)))
        {
            writer.WriteRow(new ReadOnlySpan<string?>(cells));
        }

        return path;
    }

    /// <summary>Written with the Open XML SDK's streaming writer: shared strings, numbers, dates as serials with numFmtId 14.</summary>
    private static string WriteShared(int count)
    {
        var path = Path.Combine(Folder.Value, $"sample-{count}-shared.xlsx");
        var fields = FieldCatalog.All.ToArray();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = "rId1" }));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var sheet = workbook.AddNewPart<WorksheetPart>("rId1");
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, SampleGenerator.Headers(chinese: true).Select((h, i) => new Cell { CellReference = Name(i, 1), DataType = CellValues.SharedString, CellValue = new CellValue(Intern(strings, h)) }));
                var row = 1u;
                foreach (var cells in SampleGenerator.Generate(Options(count)))
                {
                    row++;
                    var number = row;
                    WriteRow(writer, row, cells.Select((text, i) => CellFor(strings, fields[i], text, Name(i, number))));
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = new SharedStringTable(strings.OrderBy(p => p.Value).Select(p => new SharedStringItem(new Text(p.Key))));
        }

        return path;
    }

    private static string Name(int column, uint row) => Reference.ColumnLetters(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Cell CellFor(Dictionary<string, int> strings, FieldInfo field, string text, string name)
    {
        if (field.Kind == FieldKind.Number && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return new Cell { CellReference = name, CellValue = new CellValue(text) };
        }

        if (field.Field == MuScore.Core.Records.Field.ProductionStart && DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var date))
        {
            var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
            return new Cell { CellReference = name, StyleIndex = 1, CellValue = new CellValue(serial) };
        }

        return new Cell { CellReference = name, DataType = CellValues.SharedString, CellValue = new CellValue(Intern(strings, text)) };
    }

    private static int Intern(Dictionary<string, int> strings, string text)
    {
        if (!strings.TryGetValue(text, out var index))
        {
            index = strings.Count;
            strings.Add(text, index);
        }

        return index;
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"muscore-bench-xlsx-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }
}
