using System.Collections;
using MuScore.Core.Records;

namespace MuScore.Server.Evaluation;

/// <summary>
/// The validated rows of an upload, as the core reads them, held in as little memory as possible:
/// a valid row is kept as its record alone, and the <see cref="ParsedRow"/> the core asks for is
/// made again on each read (<see cref="ParsedRow.Valid"/> gives exactly what the parser gave:
/// the trimmed code, name and region are the record's own strings). Only rejected rows, usually
/// few, are kept whole. A million valid rows save a million 64-byte objects.
/// </summary>
internal sealed class IntakeRows : IReadOnlyList<ParsedRow>
{
    /// <summary>The row number of the first record: the stream is numbered as a table under a header row.</summary>
    public const int FirstRowNumber = 2;

    private readonly List<EnterpriseRecord?> records = [];
    private readonly Dictionary<int, ParsedRow> rejected = [];

    public int Count => records.Count;

    public ParsedRow this[int index] =>
        records[index] is { } record ? ParsedRow.Valid(index + FirstRowNumber, record) : rejected[index];

    /// <summary>Appends the next row; its number must follow the previous one's.</summary>
    public void Add(ParsedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.RowNumber != records.Count + FirstRowNumber)
        {
            throw new ArgumentException($"row {row.RowNumber} is not the next row ({records.Count + FirstRowNumber})", nameof(row));
        }

        if (row.Record is null)
        {
            rejected[records.Count] = row;
        }

        records.Add(row.Record);
    }

    /// <summary>
    /// Appends a row read from a table as the next record, whatever its file row number: rows are
    /// numbered by their position, as records are (the parser's result is otherwise unchanged).
    /// </summary>
    public void AddNext(ParsedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Record is { } record)
        {
            // A valid row is kept as its record alone: no renumbered copy to make.
            records.Add(record);
            return;
        }

        var number = records.Count + FirstRowNumber;
        Add(row.RowNumber == number ? row : row with { RowNumber = number });
    }

    public IEnumerator<ParsedRow> GetEnumerator()
    {
        for (var i = 0; i < records.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
