using MuScore.Core.Schemes;

namespace MuScore.Core.Rating;

/// <summary>
/// Rates one input table under one scheme for one year (docs/method.md §3–§6, §10): validation first
/// (INVALID, duplicates included), then scope (EXCLUDED with every reason), then scoring, ranking
/// and classes per region and pool. Pure and deterministic: the same rows and scheme give the
/// same run, whatever the order of the rows.
/// </summary>
public static class RatingEngine
{
    /// <summary>Rates every row of the request; the run has exactly one outcome per input row, in input order.</summary>
    /// <remarks>
    /// The results are held as columns (<see cref="RatingRun.Results"/>); <see cref="RatingRun.Rows"/>
    /// builds each row's outcome when it is read. The run keeps the request's rows for the rows'
    /// identifying cells and records.
    /// </remarks>
    public static RatingRun Rate(RatingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = request.Scheme;
        var triage = RowTriage.Run(request);
        var groups = triage.Groups;
        var columns = new PoolColumns[groups.Length];
        var summaries = new PoolSummary[groups.Length];

        // Pools are independent: rate them in parallel (a big pool's passes are chunked on every core too).
        Parallel.For(0, groups.Length, g => (columns[g], summaries[g]) = PoolRater.Rate(request, groups[g], triage.Records, triage.Lands));

        var results = new RatingResults(new ParsedRowSource(request.Rows), triage.Status, triage.Group, triage.Member, columns, triage.Duplicates);
        return new RatingRun
        {
            SchemeId = scheme.Id,
            SchemeVersion = scheme.Version,
            SchemeHash = SchemeJson.Hash(scheme),
            InputHash = request.InputHash,
            Year = request.Year,
            Region = request.Region,
            Rows = new RowOutcomeList(results),
            Pools = summaries,
        };
    }
}
