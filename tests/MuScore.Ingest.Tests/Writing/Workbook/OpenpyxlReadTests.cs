using System.Diagnostics;
using MuScore.Core.Rating;
using Xunit.Abstractions;

namespace MuScore.Ingest.Tests.Writing.Workbook;

/// <summary>
/// An outside reader: Debian's python3-openpyxl opens a ratings workbook split over sheets in
/// read-only (streaming) mode, as a data office's script would. Without openpyxl the test says so
/// and passes (.ci/run installs it).
/// </summary>
public class OpenpyxlReadTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1], read_only=True)
        for sheet in book.worksheets:
            rows = list(sheet.iter_rows(values_only=True))
            first = rows[1]
            print(sheet.title, len(rows) - 1, rows[0][0], rows[0][-1], repr(first[0]), repr(first[1]), repr(first[11]), repr(first[-1]), sep="\t")
        """;

    [Fact]
    public void LoadWorkbook_RatingsOverThreeSheets_ReadsSheetsRowsAndCells()
    {
        if (!OpenpyxlAvailable())
        {
            output.WriteLine("SKIPPED: openpyxl is missing (apt-get install python3-openpyxl); the outside-reader check did not run");
            return;
        }

        var (scheme, run) = RatingRuns.Sample(500);
        var layout = new RatingsTableLayout(scheme, run);
        var path = Path.Combine(Path.GetTempPath(), $"muscore-openpyxl-{Guid.NewGuid():N}.xlsx");
        try
        {
            // As muscore rate writes it (WriteRows), in blocks small enough that each sheet holds several.
            using (var writer = new WorkbookWriter(new FileStream(path, FileMode.Create, FileAccess.ReadWrite), layout.Headers, "ratings", leaveOpen: false, rowsPerSheet: 200, WorkbookWriter.DefaultLevel))
            {
                writer.WriteRows(run.Rows.Count, () => new RatingsXlsxCells(layout, run), null, blockRows: 64, workers: 2);
            }

            var lines = Run(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(3, lines.Length);
            Assert.Equal(Expected("ratings", 200, run.Rows[0], run.InputHash), lines[0]);
            Assert.Equal(Expected("ratings (2)", 200, run.Rows[200], run.InputHash), lines[1]);
            Assert.Equal(Expected("ratings (3)", 100, run.Rows[400], run.InputHash), lines[2]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What the script prints for a sheet: title, data rows, first and last header, and four cells of its first row as Python shows them.</summary>
    private static string Expected(string title, int rows, RowOutcome first, string inputHash)
    {
        var total = first.Rating is { } rating ? NumberText.Format(rating.Total) : "None";
        return string.Join('\t', title, rows, "row", "input_hash", first.RowNumber, $"'{first.Status.Code()}'", total, $"'{inputHash}'");
    }

    private static bool OpenpyxlAvailable()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import openpyxl"]) { RedirectStandardError = true })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    }

    private static string Run(string path)
    {
        using var python = Process.Start(new ProcessStartInfo(Python, ["-c", Script, path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = python.StandardError.ReadToEndAsync();
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error.Result);
        return output;
    }
}
