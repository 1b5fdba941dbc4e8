namespace MuScore.Ingest;

/// <summary>
/// A run of plain CSV records handed from the reader to <see cref="RowLoader"/> as text, to be
/// split into cells on a worker thread (<see cref="RowBlock"/>) instead of on the reader's.
/// The loader sets <see cref="Room"/>; <see cref="InputTable"/> fills the rest. The chars are the
/// parser's buffer and are valid until the table's enumerator moves on.
/// </summary>
internal sealed class RecordRun
{
    /// <summary>Most records the next run may hold (the room left in the loader's block).</summary>
    public int Room { get; set; }

    /// <summary>The buffer holding the run's text.</summary>
    public char[] Chars { get; private set; } = [];

    /// <summary>Start of the run's text in <see cref="Chars"/>.</summary>
    public int Start { get; private set; }

    /// <summary>Length of the run's text: whole records, each ended by LF or CRLF.</summary>
    public int Length { get; private set; }

    /// <summary>Records in the run.</summary>
    public int Records { get; private set; }

    /// <summary>Row number of the first record; the others follow one by one.</summary>
    public int FirstRowNumber { get; private set; }

    /// <summary>How the run's records are split and mapped to fields.</summary>
    public RecordRunLayout? Layout { get; private set; }

    public void Set(char[] chars, int start, int length, int records, int firstRowNumber, RecordRunLayout layout)
    {
        Chars = chars;
        Start = start;
        Length = length;
        Records = records;
        FirstRowNumber = firstRowNumber;
        Layout = layout;
    }
}

/// <summary>What a worker needs to turn a run's records into rows as <see cref="TableRow"/> would.</summary>
/// <param name="Delimiter">The CSV's delimiter.</param>
/// <param name="ColumnOf">The header map's column of each field, -1 when absent.</param>
/// <param name="HeaderWidth">Header cells; non-blank cells right of them are a row problem.</param>
/// <param name="Names">Names columns in messages (pure, safe on any thread).</param>
internal sealed record RecordRunLayout(char Delimiter, int[] ColumnOf, int HeaderWidth, ITableSource Names)
{
    /// <summary>Whether the header is exactly the fields, in canonical order (as the template and <c>muscore sample</c> write them).</summary>
    public bool FieldsInCanonicalOrder { get; } =
        HeaderWidth == ColumnOf.Length && ColumnOf.Select((column, field) => column == field).All(same => same);
}
