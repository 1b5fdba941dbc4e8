using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Tests.Builders;

/// <summary>Runs the engine on records built in code, as valid rows numbered from 2 (row 1 is the header).</summary>
internal static class Engine
{
    public const string InputHash = "test-input-hash";

    public const int Year = 2025;

    public static RatingRun Rate(Scheme scheme, params EnterpriseRecord[] records) => Rate(scheme, records, null, null);

    public static RatingRun Rate(Scheme scheme, IEnumerable<EnterpriseRecord> records, string? region = null, IRatingHistory? history = null) =>
        RateRows(scheme, AsRows(records), region, history);

    public static RatingRun RateRows(Scheme scheme, IReadOnlyList<ParsedRow> rows, string? region = null, IRatingHistory? history = null) =>
        RatingEngine.Rate(new RatingRequest
        {
            Scheme = scheme,
            Year = Year,
            Region = region,
            Rows = rows,
            InputHash = InputHash,
            History = history ?? RatingHistory.Empty,
        });

    public static IReadOnlyList<ParsedRow> AsRows(IEnumerable<EnterpriseRecord> records) =>
        [.. records.Select((r, i) => ParsedRow.Valid(i + 2, r))];

    /// <summary>The outcome of the single row carrying the code.</summary>
    public static RowOutcome Outcome(this RatingRun run, string creditCode) =>
        Assert.Single(run.Rows, r => r.CreditCode == creditCode);

    /// <summary>The rating of a code that must be RATED.</summary>
    public static EnterpriseRating Rated(this RatingRun run, string creditCode)
    {
        var outcome = run.Outcome(creditCode);
        Assert.Equal(RowStatus.Rated, outcome.Status);
        return Assert.IsType<EnterpriseRating>(outcome.Rating);
    }

    public static EnterpriseRating Rated(this RatingRun run, EnterpriseRecord record) => run.Rated(record.CreditCode);

    public static PoolSummary PoolOf(this RatingRun run, string pool, string region = EnterpriseBuilder.DefaultRegion) =>
        Assert.Single(run.Pools, p => p.Pool == pool && p.Region == region);

    /// <summary>The credit codes of a pool's members from rank 1 down.</summary>
    public static string[] RankedCodes(this RatingRun run, string pool) =>
        [.. run.Rows.Where(r => r.Rating?.Pool == pool).OrderBy(r => r.Rating!.Rank).Select(r => r.CreditCode!)];
}
