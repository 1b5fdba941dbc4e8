using MuScore.Core.Records;

namespace MuScore.Core.Rating;

/// <summary>
/// Who each row of a run was: its number, identifying cells, record and validation problems. The
/// engine reads them from the request's rows rather than copying them; a run built from
/// materialised outcomes reads them from those.
/// </summary>
internal abstract class RowSource
{
    public abstract int Count { get; }

    public abstract int RowNumber(int row);

    public abstract string? CreditCode(int row);

    public abstract string? Name(int row);

    public abstract string? Region(int row);

    public abstract EnterpriseRecord? Record(int row);

    /// <summary>The row's own validation problems (a duplicate credit code is added by the results).</summary>
    public abstract IReadOnlyList<FieldProblem> Problems(int row);
}

/// <summary>Rows as the engine received them.</summary>
internal sealed class ParsedRowSource(IReadOnlyList<ParsedRow> rows) : RowSource
{
    public override int Count => rows.Count;

    public override int RowNumber(int row) => rows[row].RowNumber;

    public override string? CreditCode(int row) => rows[row].CreditCodeText;

    public override string? Name(int row) => rows[row].Name;

    public override string? Region(int row) => rows[row].RegionText;

    public override EnterpriseRecord? Record(int row) => rows[row].Record;

    public override IReadOnlyList<FieldProblem> Problems(int row) => rows[row].Problems;
}

/// <summary>Rows of a run whose outcomes were built elsewhere (already whole).</summary>
internal sealed class OutcomeRowSource(IReadOnlyList<RowOutcome> outcomes) : RowSource
{
    public override int Count => outcomes.Count;

    public override int RowNumber(int row) => outcomes[row].RowNumber;

    public override string? CreditCode(int row) => outcomes[row].CreditCode;

    public override string? Name(int row) => outcomes[row].Name;

    public override string? Region(int row) => outcomes[row].Region;

    public override EnterpriseRecord? Record(int row) => outcomes[row].Record;

    public override IReadOnlyList<FieldProblem> Problems(int row) => outcomes[row].Problems;
}
