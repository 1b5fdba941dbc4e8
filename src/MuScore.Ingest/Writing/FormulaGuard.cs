using System.Buffers;

namespace MuScore.Ingest;

/// <summary>
/// CSV injection (OWASP "CSV Injection"): a spreadsheet that opens a CSV file treats a cell
/// starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula, and skips a leading tab or
/// carriage return before deciding, so a name such as <c>=HYPERLINK("http://x","y")</c> typed
/// into the input would run on the desk of whoever opens ratings.csv. A text cell starting with
/// any of those six characters is written with a single quote in front, which makes it plain
/// text. Numbers are never touched: a cell of a number column that is a plain number (our own
/// formatting, e.g. -3.2) stays as it is; anything else in a number column is text like any other.
/// The rule is docs/outputs.md, "CSV injection".
/// </summary>
internal static class FormulaGuard
{
    /// <summary>The character written in front of a neutralised cell.</summary>
    public const char Prefix = '\'';

    private static readonly SearchValues<char> Triggers = SearchValues.Create("=+-@\t\r");

    /// <summary>Whether <paramref name="cell"/>, in a column of <paramref name="kind"/>, must be written with <see cref="Prefix"/>.</summary>
    public static bool Applies(string cell, XlsxColumnKind kind) => Applies(cell.AsSpan(), kind);

    /// <summary>Whether <paramref name="cell"/>, in a column of <paramref name="kind"/>, must be written with <see cref="Prefix"/>.</summary>
    public static bool Applies(ReadOnlySpan<char> cell, XlsxColumnKind kind) =>
        cell.Length > 0 && Triggers.Contains(cell[0]) && !(kind == XlsxColumnKind.Number && XlsxTableWriter.IsPlainNumber(cell));
}
