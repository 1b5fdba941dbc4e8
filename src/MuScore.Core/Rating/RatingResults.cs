using MuScore.Core.Indicators;
using MuScore.Core.Records;

namespace MuScore.Core.Rating;

/// <summary>
/// A run's results held as columns, one entry per input row in input order: what writers of a
/// million rows read without building a <see cref="RowOutcome"/> per row. Every getter is
/// allocation-free; <see cref="Outcome"/> builds the whole object for callers that want it (that is
/// what <see cref="RatingRun.Rows"/> does on each access).
/// </summary>
/// <remarks>
/// Getters that describe a rating (<see cref="Total"/>, <see cref="ItemScores"/> …) throw
/// <see cref="InvalidOperationException"/> for a row that is not <see cref="RowStatus.Rated"/>.
/// Item spans are in the scheme order of the row's pool; absent numbers are NaN.
/// </remarks>
public sealed partial class RatingResults
{
    private readonly RowSource source;
    private readonly RowStatus[] status;
    private readonly int[] group;
    private readonly int[] member;
    private readonly PoolColumns[] pools;
    private readonly Dictionary<int, FieldProblem> duplicates;

    /// <param name="source">Who each row was.</param>
    /// <param name="status">Status per row.</param>
    /// <param name="group">Per rated row its index in <paramref name="pools"/>; -1 otherwise.</param>
    /// <param name="member">Per rated row its index in its pool; per excluded row its reasons as bits (1 &lt;&lt; reason).</param>
    /// <param name="pools">The rated pools, in the order of <see cref="RatingRun.Pools"/>.</param>
    /// <param name="duplicates">The duplicate-credit-code problem of each row that has one.</param>
    internal RatingResults(RowSource source, RowStatus[] status, int[] group, int[] member, PoolColumns[] pools, Dictionary<int, FieldProblem> duplicates)
    {
        this.source = source;
        this.status = status;
        this.group = group;
        this.member = member;
        this.pools = pools;
        this.duplicates = duplicates;
    }

    /// <summary>Number of rows (every input row has one).</summary>
    public int Count => status.Length;

    /// <summary>The row's status.</summary>
    public RowStatus Status(int row) => status[row];

    /// <summary>Row number as a spreadsheet shows it.</summary>
    public int RowNumber(int row) => source[row].RowNumber;

    /// <summary>Credit code cell, trimmed (may be invalid for INVALID rows).</summary>
    public string? CreditCode(int row) => source[row].CreditCode;

    /// <summary>Name cell.</summary>
    public string? Name(int row) => source[row].Name;

    /// <summary>Region cell.</summary>
    public string? Region(int row) => source[row].Region;

    /// <summary>The record of a RATED or EXCLUDED row; null for an INVALID one.</summary>
    public EnterpriseRecord? Record(int row) => status[row] == RowStatus.Invalid ? null : source[row].Record;

    /// <summary>Every reason an EXCLUDED row is out of scope; empty for other rows.</summary>
    public IReadOnlyList<ExclusionReason> Exclusions(int row) =>
        status[row] == RowStatus.Excluded ? ExclusionSets.Of(member[row]) : [];

    /// <summary>Every problem of an INVALID row (a duplicate credit code last); empty for other rows.</summary>
    public IReadOnlyList<FieldProblem> Problems(int row)
    {
        if (status[row] != RowStatus.Invalid)
        {
            return [];
        }

        return ProblemsOf(row, source[row].Problems);
    }

    /// <summary>
    /// Index of a RATED row's pool in <see cref="RatingRun.Pools"/> of the run that rated it (a copy
    /// made with other pools keeps these indices); -1 for other rows.
    /// </summary>
    public int PoolIndex(int row) => group[row];

    /// <summary>Pool id within the region.</summary>
    public string Pool(int row) => PoolOf(row).Pool;

    /// <summary>Σ items + bonus − penalty, rounded to 6 decimals half-to-even.</summary>
    public double Total(int row) => PoolOf(row).Total[member[row]];

    /// <summary>Position among all rated enterprises of the pool, 1 = best.</summary>
    public int Rank(int row) => PoolOf(row).Rank[member[row]];

    /// <summary>Number of rated enterprises in the pool.</summary>
    public int PoolSize(int row) => PoolOf(row).Size;

    /// <summary>100 · rank / pool size.</summary>
    public double Percentile(int row)
    {
        var pool = PoolOf(row);
        return 100.0 * pool.Rank[member[row]] / pool.Size;
    }

    /// <summary>Position in the quota pool; null for overridden enterprises.</summary>
    public int? QuotaRank(int row) => PoolOf(row).QuotaRank[member[row]] is var q and > 0 ? q : null;

    /// <summary>Size of the quota pool (rated minus overridden).</summary>
    public int QuotaPoolSize(int row) => PoolOf(row).QuotaPoolSize;

    /// <summary>The class.</summary>
    public RatingClass Class(int row) => PoolOf(row).Class[member[row]];

    /// <summary>The override that set the class, if any.</summary>
    public OverrideKind Override(int row) => PoolOf(row).Override[member[row]];

    /// <summary>Points to the next class up (≥ 0); null for A, veto, investment A, or an empty next class.</summary>
    public double? GapToNextClass(int row) => PoolOf(row).Gap[member[row]] is var g && double.IsNaN(g) ? null : g;

    /// <summary>Consecutive evaluated years in D ending with this one; 0 unless D.</summary>
    public int ConsecutiveDYears(int row) => PoolOf(row).ConsecutiveDYears[member[row]];

    /// <summary>Bonus points added (the record's, as a double).</summary>
    public double Bonus(int row) => (double)RatedRecord(row).BonusPoints;

    /// <summary>Penalty points subtracted (the record's, as a double).</summary>
    public double Penalty(int row) => (double)RatedRecord(row).PenaltyPoints;

    /// <summary>The pool's indicators in scheme order: what the item spans of the row refer to.</summary>
    public ReadOnlySpan<Indicator> Indicators(int row) => PoolOf(row).Indicators;

    /// <summary>The pool's weight per indicator.</summary>
    public ReadOnlySpan<double> Weights(int row) => PoolOf(row).Weights;

    /// <summary>The pool's benchmark per indicator; NaN where undefined (Σdenominator = 0) or under min-max.</summary>
    public ReadOnlySpan<double> Benchmarks(int row) => PoolOf(row).Benchmarks;

    /// <summary>The row's indicator values; NaN where imputed or over a zero denominator.</summary>
    public ReadOnlySpan<double> ItemValues(int row)
    {
        var pool = PoolOf(row);
        return pool.Values.AsSpan(member[row] * pool.Width, pool.Width);
    }

    /// <summary>The row's item scores.</summary>
    public ReadOnlySpan<double> ItemScores(int row)
    {
        var pool = PoolOf(row);
        return pool.Scores.AsSpan(member[row] * pool.Width, pool.Width);
    }

    /// <summary>How item <paramref name="item"/> (an index into the item spans) of the row was scored.</summary>
    public ItemBasis ItemBasis(int row, int item)
    {
        var pool = PoolOf(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)pool.Width, nameof(item));
        return (ItemBasis)pool.Bases[(member[row] * pool.Width) + item];
    }

    private IReadOnlyList<FieldProblem> ProblemsOf(int row, IReadOnlyList<FieldProblem> own) =>
        duplicates.TryGetValue(row, out var duplicate) ? [.. own, duplicate] : own;

    private PoolColumns PoolOf(int row)
    {
        var g = group[row];
        return g >= 0 ? pools[g] : throw new InvalidOperationException($"row index {row} is {status[row].Code()}, not RATED");
    }

    private EnterpriseRecord RatedRecord(int row)
    {
        _ = PoolOf(row);
        return source[row].Record!;
    }
}
