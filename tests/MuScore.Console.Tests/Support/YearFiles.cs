using System.Text;
using MuScore.Core.Sampling;

namespace MuScore.Console.Tests.Support;

/// <summary>A county's year as the office receives it: a CSV with Chinese headers, from the deterministic sample generator.</summary>
public static class YearFiles
{
    public const string Region = "331082";

    public const int Year = 2024;

    /// <summary>The rows of the clean file, in field order (credit code first).</summary>
    public static IReadOnlyList<string[]> Rows { get; } =
        [.. SampleGenerator.Generate(new SampleOptions { Count = 60, Seed = 2024, Year = Year, ChineseHeaders = true, Regions = [Region] })];

    /// <summary>The clean file.</summary>
    public static byte[] Good() => Csv(Rows);

    /// <summary>The same file with the second data row's tax not a number: file row 3, column tax, rule number_format.</summary>
    public static byte[] Bad()
    {
        var rows = Rows.Select(r => (string[])r.Clone()).ToList();
        rows[1][(int)MuScore.Core.Records.Field.Tax] = "约五十";
        return Csv(rows);
    }

    private static byte[] Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', SampleGenerator.Headers(true).Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
