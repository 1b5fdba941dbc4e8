using MuScore.Core.Records;

namespace MuScore.Core.Rating;

/// <summary>Who one row was: its number, identifying cells, record and own validation problems.</summary>
internal readonly record struct RowIdentity(
    int RowNumber, string? CreditCode, string? Name, string? Region, EnterpriseRecord? Record, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// Who each row of a run was. The engine reads it from the request's rows rather than copying it;
/// a run built from outcomes reads it from those. One read per call: a row list may build its
/// rows on access (the server's intake does).
/// </summary>
internal abstract class RowSource
{
    public abstract RowIdentity this[int row] { get; }
}

/// <summary>Rows as the engine received them.</summary>
internal sealed class ParsedRowSource(IReadOnlyList<ParsedRow> rows) : RowSource
{
    public override RowIdentity this[int row]
    {
        get
        {
            var r = rows[row];
            return new RowIdentity(r.RowNumber, r.CreditCodeText, r.Name, r.RegionText, r.Record, r.Problems);
        }
    }
}

/// <summary>Rows of a run whose outcomes were built elsewhere (already whole).</summary>
internal sealed class OutcomeRowSource(IReadOnlyList<RowOutcome> outcomes) : RowSource
{
    public override RowIdentity this[int row]
    {
        get
        {
            var o = outcomes[row];
            return new RowIdentity(o.RowNumber, o.CreditCode, o.Name, o.Region, o.Record, o.Problems);
        }
    }
}
