using MuScore.Cli.Output;
using MuScore.Ingest;
using MuScore.Reports.Lists;

namespace MuScore.Cli.Lists;

/// <summary>
/// Writes a report table as CSV (<see cref="CsvTableWriter"/>: UTF-8 with BOM, "\n", quotes only
/// where needed) or .xlsx, under a temporary name moved into place at the end (<see cref="OutputFiles"/>),
/// so a failure never leaves half a list behind. The same rows give the same bytes.
/// </summary>
internal static class ReportTable
{
    /// <summary>Writes the header row and <paramref name="rows"/>; an empty report still gets its header row.</summary>
    public static void Write(ReportOptions options, ReportColumns columns, IEnumerable<string?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var path = Path.GetFullPath(options.Output);
        using var files = new OutputFiles(Path.GetDirectoryName(path)!);
        using (var stream = files.Create(Path.GetFileName(path)))
        {
            if (options.Format == ReportFormat.Xlsx)
            {
                using var xlsx = new XlsxTableWriter(stream, columns.Headers, columns.Kinds, columns.SheetName, leaveOpen: true);
                foreach (var row in rows)
                {
                    xlsx.WriteRow(row);
                }
            }
            else
            {
                using var csv = new CsvTableWriter(stream, columns.Headers, columns.Kinds, leaveOpen: true);
                foreach (var row in rows)
                {
                    csv.WriteRow(row);
                }
            }
        }

        files.Commit();
    }
}
