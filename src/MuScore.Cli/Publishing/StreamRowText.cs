using System.Globalization;
using System.Text.RegularExpressions;

namespace MuScore.Cli.Publishing;

/// <summary>
/// The server numbers an uploaded record n as row n + 1 (as if the stream were a table under a
/// header row), and its duplicate_credit_code message names the other rows that way. The file's
/// rows differ once a row was kept back or the header is not on row 1, so the numbers are
/// translated to the file's rows before they are shown.
/// </summary>
internal static partial class StreamRowText
{
    /// <summary>The duplicate rule's description with every "also in row(s) …" number as a file row; unchanged when it does not match.</summary>
    public static string ToFileRows(string description, IReadOnlyList<int> rowNumbers)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(rowNumbers);
        var match = OtherRows().Match(description);
        if (!match.Success)
        {
            return description;
        }

        var rows = new List<string>();
        foreach (var part in match.Groups["rows"].Value.Split(", "))
        {
            var record = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) - 1;
            if (record < 1 || record > rowNumbers.Count)
            {
                return description;
            }

            rows.Add(rowNumbers[record - 1].ToString(CultureInfo.InvariantCulture));
        }

        var numbers = match.Groups["rows"];
        return string.Concat(description.AsSpan(0, numbers.Index), string.Join(", ", rows), description.AsSpan(numbers.Index + numbers.Length));
    }

    [GeneratedRegex(@"also in row\(s\) (?<rows>\d{1,9}(, \d{1,9})*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherRows();
}
