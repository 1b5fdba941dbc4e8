using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>errors.csv: one line per problem of every INVALID row, in row order then problem order.</summary>
internal static class ErrorsTable
{
    public static readonly string[] Headers = ["row", "credit_code", "column", "column_zh", "rule", "message"];

    /// <summary>The row number is ours; every other cell may repeat what the input held.</summary>
    public static readonly XlsxColumnKind[] Kinds =
        [XlsxColumnKind.Number, XlsxColumnKind.Text, XlsxColumnKind.Text, XlsxColumnKind.Text, XlsxColumnKind.Text, XlsxColumnKind.Text];

    public static void Write(CsvTableWriter writer, RatingRun run)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(run);
        var cells = new string?[Headers.Length];
        foreach (var row in run.Rows)
        {
            foreach (var problem in row.Problems)
            {
                cells[0] = NumberText.Format(row.RowNumber);
                cells[1] = row.CreditCode;
                cells[2] = problem.Field is { } field ? FieldCatalog.NameOf(field) : string.Empty;
                cells[3] = problem.Field is { } zh ? FieldCatalog.Get(zh).ChineseName : string.Empty;
                cells[4] = problem.Rule.Code();
                cells[5] = problem.Message;
                writer.WriteRow(cells.AsSpan());
            }
        }
    }
}
