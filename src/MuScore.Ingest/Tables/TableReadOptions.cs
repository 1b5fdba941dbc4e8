namespace MuScore.Ingest;

/// <summary>How the bytes of a CSV file are decoded.</summary>
public enum CsvEncoding
{
    /// <summary>
    /// Detect: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else UTF-8 when the first MiB is
    /// valid UTF-8; else GB18030 (which includes GBK and GB2312).
    /// </summary>
    Auto,

    /// <summary>UTF-8 (a UTF-8 byte-order mark is skipped).</summary>
    Utf8,

    /// <summary>GB18030, a superset of GBK and GB2312 (Chinese government exports).</summary>
    Gb18030,
}

/// <summary>Options for <see cref="TableReader"/>. The defaults suit every file seen so far.</summary>
public sealed class TableReadOptions
{
    /// <summary>The defaults: detect the encoding and the delimiter.</summary>
    public static TableReadOptions Default { get; } = new();

    /// <summary>
    /// CSV text encoding; default <see cref="CsvEncoding.Auto"/>. A byte-order mark in the file
    /// always wins, because it cannot be mistaken. Ignored for .xlsx.
    /// </summary>
    public CsvEncoding Encoding { get; init; } = CsvEncoding.Auto;

    /// <summary>
    /// CSV delimiter; default null = detect from the first line: ',' unless that line holds no
    /// comma but holds tabs or semicolons (then the more frequent of the two, tab on a tie).
    /// Must not be a quote, CR or LF. Ignored for .xlsx.
    /// </summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// The .xlsx worksheet to read, by its tab name (exact); default null = the first visible
    /// worksheet in tab order, hidden ones skipped. Ignored for CSV.
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// Accept CSV text only (default false): a zip archive (.xlsx) is refused with a
    /// <see cref="TableFormatException"/> at once instead of being read, which would first copy a
    /// stream that cannot seek into memory whole.
    /// </summary>
    public bool CsvOnly { get; init; }

    internal void Validate()
    {
        if (Delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The CSV delimiter may not be a double quote, CR or LF.", nameof(Delimiter));
        }

        if (Sheet is { Length: 0 })
        {
            throw new ArgumentException("A worksheet name is not empty.", nameof(Sheet));
        }

        if (!Enum.IsDefined(Encoding))
        {
            throw new ArgumentException($"Unknown CSV encoding {(int)Encoding}.", nameof(Encoding));
        }
    }
}
