namespace MuScore.Ingest;

/// <summary>
/// One typed cell for <see cref="WorkbookWriter"/>: empty, a number, or text. A number is kept as
/// an integer, an integer of millionths (every figure of the ratings, rounded to 6 decimals) or,
/// rarely, a double, so writing it needs no string and no parse.
/// </summary>
public readonly struct XlsxCell
{
    private readonly string? text;
    private readonly long integer;
    private readonly double number;

    private XlsxCell(XlsxCellKind kind, string? text, long integer, double number, bool onEveryRow = false)
    {
        Kind = kind;
        this.text = text;
        this.integer = integer;
        this.number = number;
        OnEveryRow = onEveryRow;
    }

    /// <summary>An empty cell (nothing is written for it).</summary>
    public static XlsxCell Empty => default;

    /// <summary>What the cell holds.</summary>
    public XlsxCellKind Kind { get; }

    /// <summary>The text of a text cell.</summary>
    public string Text => text ?? string.Empty;

    /// <summary>The integer of a <see cref="XlsxCellKind.Whole"/> cell, or the millionths of a <see cref="XlsxCellKind.Millionths"/> one.</summary>
    public long Units => integer;

    /// <summary>The value of a <see cref="XlsxCellKind.Shortest"/> cell.</summary>
    public double Value => number;

    /// <summary>
    /// Whether the cell is the same on every row of its column (a run's year, scheme, input): the
    /// sheet writer then gives its value to the deflater as markup, matched with the markup around it.
    /// The cell shows the same either way.
    /// </summary>
    public bool OnEveryRow { get; }

    /// <summary>This cell, marked as the same on every row of its column (<see cref="OnEveryRow"/>).</summary>
    public XlsxCell SameOnEveryRow() => new(Kind, text, integer, number, onEveryRow: true);

    /// <summary>An integer number cell.</summary>
    public static XlsxCell Of(long value) => new(XlsxCellKind.Whole, null, value, 0);

    /// <summary>The number <paramref name="millionths"/> / 1,000,000, written with at most 6 decimals.</summary>
    public static XlsxCell OfMillionths(long millionths) => new(XlsxCellKind.Millionths, null, millionths, 0);

    /// <summary>A number cell written in its shortest round-trip form.</summary>
    public static XlsxCell OfDouble(double value) => new(XlsxCellKind.Shortest, null, 0, value);

    /// <summary>
    /// Text stored inline; null or empty is an empty cell. <paramref name="repeated"/> marks a
    /// column of few distinct values (a status, a class, a scheme hash), stored once in the shared
    /// string table and referred to by index.
    /// </summary>
    public static XlsxCell OfText(string? value, bool repeated = false) =>
        string.IsNullOrEmpty(value) ? default : new(repeated ? XlsxCellKind.SharedText : XlsxCellKind.Text, value, 0, 0);
}

/// <summary>What an <see cref="XlsxCell"/> holds.</summary>
public enum XlsxCellKind : byte
{
    /// <summary>Nothing; the cell is not written.</summary>
    Empty,

    /// <summary>An integer.</summary>
    Whole,

    /// <summary>An integer count of millionths.</summary>
    Millionths,

    /// <summary>A double, written in its shortest round-trip form.</summary>
    Shortest,

    /// <summary>An inline string.</summary>
    Text,

    /// <summary>A string from the shared string table.</summary>
    SharedText,
}
