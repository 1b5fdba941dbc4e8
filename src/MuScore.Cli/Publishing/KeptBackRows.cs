using System.Globalization;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Cli.Publishing;

/// <summary>
/// Rows the client does not send, and why. Cells right of the last header column are a problem
/// only the reader sees: sending the row without the stray cells would rate data the file does
/// not hold (usually a number split by an unquoted comma); so the row is
/// kept back and reported with every problem <c>rate</c> would list for it. Rows sharing its
/// credit code and region are kept back too, because the duplicate rule makes all of them
/// INVALID and the server, seeing only the rest, would rate one of them.
/// </summary>
internal sealed class KeptBackRows
{
    private readonly Dictionary<int, ParsedRow> unsendable = [];
    private readonly HashSet<(string Code, string Region)> keys = [];
    private readonly List<(int RowNumber, string Code, string Region)> partners = [];

    private KeptBackRows(int rowCount) => RowCount = rowCount;

    /// <summary>Data rows in the table (blank rows inside the data included).</summary>
    public int RowCount { get; }

    /// <summary>Rows the wire cannot carry (found by <see cref="Scan"/>).</summary>
    public int UnsendableCount => unsendable.Count;

    /// <summary>Every row kept back so far: unsendable rows and their duplicate partners.</summary>
    public int Count => unsendable.Count + partners.Count;

    /// <summary>First pass: reads every row and finds those the wire cannot carry.</summary>
    public static KeptBackRows Scan(InputTable table, PublishProgress progress)
    {
        ArgumentNullException.ThrowIfNull(table);
        var parser = new RecordParser();
        var found = new List<ParsedRow>();
        var count = 0;
        foreach (var row in table.ReadRows())
        {
            count++;
            progress.Checked(count, table.Position, table.Length);
            if (!RecordMapper.CanSend(row))
            {
                var parsed = parser.Parse(row);
                found.Add(parsed with { Problems = [.. row.TableProblems, .. parsed.Problems] });
            }
        }

        var result = new KeptBackRows(count);
        foreach (var row in found)
        {
            result.unsendable.Add(row.RowNumber, row);
            if (row.CreditCodeValid && row.RegionValid)
            {
                result.keys.Add((row.CreditCodeText!, row.RegionText!));
            }
        }

        return result;
    }

    /// <summary>
    /// Second pass: whether <paramref name="row"/> stays out of the upload (an unsendable row, or
    /// one sharing an unsendable row's credit code and region, which is recorded here).
    /// </summary>
    /// <exception cref="CommandFailure">The row cannot be sent but the first pass found it sendable: the file changed while being read.</exception>
    public bool Holds(ITableRow row)
    {
        if (!RecordMapper.CanSend(row))
        {
            return unsendable.ContainsKey(row.RowNumber)
                ? true
                : throw new CommandFailure(ExitCodes.IoFailure, string.Create(CultureInfo.InvariantCulture, $"the input file changed while it was being read (row {row.RowNumber}); nothing was published"));
        }

        if (keys.Count == 0)
        {
            return false;
        }

        var key = RecordMapper.Key(row);
        if (!keys.Contains(key))
        {
            return false;
        }

        partners.Add((row.RowNumber, key.Code, key.Region));
        return true;
    }

    /// <summary>Every kept-back row with its problems, in row order; duplicates name each other.</summary>
    public IReadOnlyList<RejectedRow> Rejections()
    {
        var members = unsendable.Values
            .Where(r => r.CreditCodeValid && r.RegionValid)
            .Select(r => (r.RowNumber, Code: r.CreditCodeText!, Region: r.RegionText!))
            .Concat(partners)
            .GroupBy(m => (m.Code, m.Region))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(m => (m.RowNumber, Others: g.Where(o => o.RowNumber != m.RowNumber).Select(o => o.RowNumber).Order().ToList(), m.Code, m.Region)))
            .ToDictionary(m => m.RowNumber);

        var rows = new List<RejectedRow>(Count);
        foreach (var row in unsendable.Values)
        {
            var violations = row.Problems.Select(Violation).ToList();
            if (members.TryGetValue(row.RowNumber, out var member))
            {
                violations.Add(Duplicate(member.Code, member.Region, member.Others));
            }

            rows.Add(new RejectedRow(row.RowNumber, null, row.CreditCodeText ?? string.Empty, violations));
        }

        foreach (var (number, code, _) in partners)
        {
            var member = members[number];
            rows.Add(new RejectedRow(number, null, code, [Duplicate(code, member.Region, member.Others)]));
        }

        return [.. rows.OrderBy(r => r.RowNumber)];
    }

    private static RowViolation Violation(FieldProblem problem) =>
        new(problem.Field is { } field ? FieldCatalog.NameOf(field) : string.Empty, problem.Rule.Code(), problem.Message);

    // The core's wording (DuplicateFinder), plus why this client kept the row back.
    private static RowViolation Duplicate(string code, string region, List<int> others) =>
        new(
            FieldCatalog.NameOf(Field.CreditCode),
            ProblemRule.DuplicateCreditCode.Code(),
            $"credit_code '{code}' appears more than once in region {region}: also in row(s) {string.Join(", ", others.Select(o => o.ToString(CultureInfo.InvariantCulture)))} (kept back: a row of this code cannot be sent)");
}
