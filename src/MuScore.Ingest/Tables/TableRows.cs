using System.Globalization;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>A data row read through the header map; reused for every row of a table.</summary>
internal sealed class TableRow(ITableSource source, int[] columnOf, int headerWidth) : ITableRow
{
    private const int ShownExtraCells = 3;
    private IReadOnlyList<FieldProblem> problems = [];

    public int RowNumber { get; private set; }

    public bool IsBlank => false;

    public IReadOnlyList<FieldProblem> TableProblems => problems;

    public ReadOnlySpan<char> Cell(Field field)
    {
        var column = columnOf[(int)field];
        return column < 0 ? default : source.Cell(column);
    }

    /// <summary>Takes the source's current record as this row.</summary>
    public void Load()
    {
        RowNumber = source.RowNumber;
        problems = source.CellCount > headerWidth ? ExtraCells() : [];
    }

    /// <summary>
    /// Non-blank cells right of the last header column belong to no column: the usual cause is an
    /// unquoted comma, such as a thousands separator, that splits a cell in two.
    /// </summary>
    private FieldProblem[] ExtraCells()
    {
        var extra = new List<string>();
        var total = 0;
        for (var column = headerWidth; column < source.CellCount; column++)
        {
            var cell = source.Cell(column).Trim();
            if (cell.IsEmpty)
            {
                continue;
            }

            total++;
            if (extra.Count < ShownExtraCells)
            {
                extra.Add($"{source.ColumnName(column)} '{cell}'");
            }
        }

        if (total == 0)
        {
            return [];
        }

        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"the row has {total} non-blank cell{(total > 1 ? "s" : string.Empty)} right of the last header column ({string.Join(", ", extra)}{(total > extra.Count ? ", …" : string.Empty)}); an unquoted comma, such as a thousands separator, splits a cell in two");
        return [new FieldProblem(null, ProblemRule.ExtraCells, message)];
    }
}

/// <summary>A blank row: a blank record or a row number the file skipped, inside the data.</summary>
internal sealed class BlankTableRow : ITableRow
{
    public int RowNumber { get; set; }

    public bool IsBlank => true;

    public IReadOnlyList<FieldProblem> TableProblems => [];

    public ReadOnlySpan<char> Cell(Field field) => default;
}
