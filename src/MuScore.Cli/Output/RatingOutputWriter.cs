using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>Writes ratings.csv, ratings.xlsx, errors.csv and summary.json into a directory, all or nothing.</summary>
internal static class RatingOutputWriter
{
    public const string RatingsCsv = "ratings.csv";
    public const string RatingsXlsx = "ratings.xlsx";
    public const string ErrorsCsv = "errors.csv";
    public const string SummaryFile = "summary.json";

    /// <summary>Whether ratings.xlsx can hold the run (a sheet has 1,048,576 rows including the header).</summary>
    public static bool FitsXlsx(RatingRun run) => run.Rows.Count <= XlsxTableWriter.MaxRows;

    /// <summary>Writes the files and returns their names in the order written.</summary>
    public static IReadOnlyList<string> Write(string directory, Scheme scheme, RatingRun run, RunStatistics stats, string inputFileName, string inputFormat)
    {
        using var files = new OutputFiles(directory);
        WriteRatings(files, scheme, run);
        using (var errors = new CsvTableWriter(files.Create(ErrorsCsv), ErrorsTable.Headers, ErrorsTable.Kinds))
        {
            ErrorsTable.Write(errors, run);
        }

        var names = files.Names.Append(SummaryFile).ToArray();
        using (var summary = files.Create(SummaryFile))
        {
            SummaryJson.Write(summary, run, stats, new RunDescription(inputFileName, inputFormat, names));
        }

        files.Commit();
        return names;
    }

    private static void WriteRatings(OutputFiles files, Scheme scheme, RatingRun run)
    {
        var layout = new RatingsTableLayout(scheme, run);
        using var csv = new CsvTableWriter(files.Create(RatingsCsv), layout.Headers, layout.Kinds);
        using var xlsx = FitsXlsx(run) ? new XlsxTableWriter(files.Create(RatingsXlsx), layout.Headers, layout.Kinds, "ratings") : null;

        // One pass and one reused cell buffer for both files: memory stays flat for a million rows.
        foreach (var outcome in run.Rows)
        {
            var cells = layout.Fill(outcome);
            csv.WriteRow(new ReadOnlySpan<string?>(cells));
            xlsx?.WriteRow(new ReadOnlySpan<string?>(cells));
        }
    }
}
