using System.Globalization;
using System.Text;

namespace MuScore.Cli.Tests.Output;

/// <summary>
/// Names typed as spreadsheet formulas reach ratings.csv and errors.csv as text (a leading quote),
/// while the numbers MuScore writes, negative ones included, stay numbers (docs/outputs.md, "CSV injection").
/// </summary>
public sealed class CsvInjectionTests : IDisposable
{
    private static readonly string[] Formulas = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"];

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Rate_NamesAndCodesLikeFormulas_WrittenAsQuotedText_NumbersUntouched()
    {
        var input = Input();
        var output = temp.File("out");

        CliRun.Of("rate", "--input", input, "--scheme", "zj-standard", "--region", "331082", "--year", "2024", "--out", output).Expect(0);

        var ratings = CsvFile.Read(Path.Combine(output, "ratings.csv"));
        var errors = CsvFile.Read(Path.Combine(output, "errors.csv"));
        var names = ratings.Values("name").ToList();
        Assert.All(Formulas, formula => Assert.Contains("'" + formula, names));
        Assert.DoesNotContain(names, n => n.Length > 0 && "=+-@".Contains(n[0], StringComparison.Ordinal));
        Assert.Contains("'=1+1", ratings.Values("credit_code"));
        Assert.Contains("'=1+1", errors.Values("credit_code"));

        // Our own numbers: a negative value added gives a negative va_per_mu, written as a plain number.
        var negative = ratings.Values("va_per_mu_value").Where(v => v.StartsWith('-')).ToList();
        Assert.NotEmpty(negative);
        Assert.All(negative, v => decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    // 20 sample enterprises of Linhai: the first four renamed to formulas, the fifth with a formula
    // for a credit code (INVALID), the sixth with a negative value added.
    private string Input()
    {
        var path = temp.File("county.csv");
        CliRun.Of("sample", "--n", "20", "--seed", "4", "--regions", "331082", "--year", "2024", "--out", path).Expect(0);
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var headers = lines[0].TrimStart('\uFEFF').Split(',');
        for (var i = 0; i < Formulas.Length; i++)
        {
            lines[i + 1] = Replace(lines[i + 1], Array.IndexOf(headers, "name"), Formulas[i]);
        }

        lines[5] = Replace(lines[5], Array.IndexOf(headers, "credit_code"), "=1+1");
        lines[6] = Replace(lines[6], Array.IndexOf(headers, "value_added"), "-120.5");
        File.WriteAllLines(path, lines, new UTF8Encoding(true));
        return path;
    }

    // Sample cells hold no commas or quotes, so a plain split finds them; the new cell is quoted as CSV needs.
    private static string Replace(string line, int column, string value)
    {
        var cells = line.Split(',');
        cells[column] = value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
        return string.Join(',', cells);
    }
}
