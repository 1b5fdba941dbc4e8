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

    /// <summary>Bytes gathered before they go to the file.</summary>
    private const int FlushBytes = 1 << 20;

    /// <summary>Writes the whole table (byte-order mark, header, rows) to <paramref name="output"/>, leaving it open.</summary>
    public static void Write(Stream output, RatingRun run)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        using (new CsvTableWriter(output, Headers, Kinds, leaveOpen: true))
        {
            // Disposed at once: the byte-order mark and the header.
        }

        var results = run.Results;
        var buffer = new CsvRowBuffer();
        for (var row = 0; row < results.Count; row++)
        {
            if (results.Status(row) != RowStatus.Invalid)
            {
                continue;
            }

            foreach (var problem in results.Problems(row))
            {
                buffer.Number(results.RowNumber(row));
                buffer.Text(results.CreditCode(row), Kinds[1]);
                buffer.Text(problem.Field is { } field ? FieldCatalog.NameOf(field) : string.Empty, Kinds[2]);
                buffer.Text(problem.Field is { } zh ? FieldCatalog.Get(zh).ChineseName : string.Empty, Kinds[3]);
                buffer.Text(problem.Rule.Code(), Kinds[4]);
                buffer.Text(problem.Message, Kinds[5]);
                buffer.EndRow();
            }

            if (buffer.Written.Length >= FlushBytes)
            {
                output.Write(buffer.Written);
                buffer.Clear();
            }
        }

        output.Write(buffer.Written);
    }
}
