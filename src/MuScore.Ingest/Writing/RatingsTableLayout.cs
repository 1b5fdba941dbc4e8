using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Ingest;

/// <summary>
/// The columns of ratings.csv and ratings.xlsx (docs/outputs.md) and how one row outcome fills
/// them. Shared by both writers so the two files always agree, and by the CLI and the server's
/// console so <c>muscore rate</c> and the console's ratings.xlsx have one layout; one cell buffer is
/// reused per row so a million-row run never holds all cell strings at once.
/// </summary>
public sealed class RatingsTableLayout
{
    private static readonly string[] Leading =
    [
        "row", "status", "reason", "credit_code", "name", "region", "year", "industry", "scale", "land_mu",
        "pool", "total", "rank", "pool_size", "percentile", "quota_rank", "quota_pool_size", "class",
        "override", "gap_to_next_class", "consecutive_d_years", "bonus", "penalty", "imputed_items",
    ];

    private static readonly string[] NumberColumns =
    [
        "row", "year", "land_mu", "total", "rank", "pool_size", "percentile", "quota_rank", "quota_pool_size",
        "gap_to_next_class", "consecutive_d_years", "bonus", "penalty",
    ];

    private static readonly string[] Trailing = ["scheme_id", "scheme_version", "scheme_hash", "input_hash"];

    private readonly RatingRun run;
    private readonly int[] indicatorColumn;
    private readonly string[] cells;

    public RatingsTableLayout(Scheme scheme, RatingRun run)
        : this(IndicatorsOf(scheme), run)
    {
    }

    /// <summary>A layout with these indicator columns, in this order (the server's stored runs keep the scheme's indicators on each rating).</summary>
    public RatingsTableLayout(IReadOnlyList<Indicator> indicators, RatingRun run)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(run);
        this.run = run;
        Indicators = indicators.Distinct().ToArray();
        indicatorColumn = new int[IndicatorCatalog.All.Count];
        var headers = new List<string>(Leading);
        foreach (var indicator in Indicators)
        {
            indicatorColumn[(int)indicator] = headers.Count;
            headers.AddRange([$"{indicator.Id()}_value", $"{indicator.Id()}_benchmark", $"{indicator.Id()}_score"]);
        }

        headers.AddRange(Trailing);
        Headers = headers;
        var kinds = new XlsxColumnKind[headers.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            var indicatorPart = i >= Leading.Length && i < headers.Count - Trailing.Length;
            kinds[i] = indicatorPart || NumberColumns.Contains(headers[i]) ? XlsxColumnKind.Number : XlsxColumnKind.Text;
        }

        Kinds = kinds;
        cells = new string[headers.Count];
    }

    /// <summary>The scheme's indicators in scheme order (first appearance across pools).</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<XlsxColumnKind> Kinds { get; }

    /// <summary>The scheme's indicators in scheme order (first appearance across pools).</summary>
    public static IReadOnlyList<Indicator> IndicatorsOf(Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return scheme.Pools.SelectMany(p => p.Indicators).Select(i => i.Indicator).Distinct().ToArray();
    }

    /// <summary>The cells of one outcome; the array is reused by the next call.</summary>
    public string[] Fill(RowOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var record = outcome.Record;
        var row = new RatingsTableRow(
            outcome.RowNumber, outcome.Status, Reason(outcome), outcome.CreditCode, outcome.Name, outcome.Region, record?.Industry,
            record is null ? null : record.Scale == Scale.Above ? "ABOVE" : "BELOW", record?.LandMu, outcome.Rating);
        return Fill(row, figures: true);
    }

    /// <summary>
    /// The cells of one row; the array is reused by the next call. Without <paramref name="figures"/>
    /// the land and every indicator's value, benchmark and score stay blank (what a caller without
    /// ratings:figures may not see); the class and how it was reached stay.
    /// </summary>
    public string[] Fill(RatingsTableRow row, bool figures)
    {
        ArgumentNullException.ThrowIfNull(row);
        Array.Fill(cells, string.Empty);
        cells[0] = NumberText.Format(row.RowNumber);
        cells[1] = row.Status.Code();
        cells[2] = row.Reason;
        cells[3] = row.CreditCode ?? string.Empty;
        cells[4] = row.Name ?? string.Empty;
        cells[5] = row.Region ?? string.Empty;
        cells[6] = NumberText.Format(run.Year);
        cells[7] = row.Industry ?? string.Empty;
        cells[8] = row.Scale ?? string.Empty;
        cells[9] = figures && row.LandMu is { } land ? NumberText.Format(land) : string.Empty;
        if (row.Rating is { } rating)
        {
            FillRating(rating, figures);
        }

        var last = cells.Length - Trailing.Length;
        cells[last] = run.SchemeId;
        cells[last + 1] = run.SchemeVersion;
        cells[last + 2] = run.SchemeHash;
        cells[last + 3] = run.InputHash;
        return cells;
    }

    /// <summary>"column: rule: message" for each problem, or the exclusion codes, joined by " | ".</summary>
    public static string Reason(RowOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Reason(outcome.Status, outcome.Problems, outcome.Exclusions);
    }

    /// <summary>"column: rule: message" for each problem, or the exclusion codes, joined by " | ".</summary>
    public static string Reason(RowStatus status, IReadOnlyList<FieldProblem> problems, IReadOnlyList<ExclusionReason> exclusions)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(exclusions);
        return status switch
        {
            RowStatus.Invalid => string.Join(" | ", problems.Select(p => $"{ColumnOf(p)}: {p.Rule.Code()}: {p.Message}")),
            RowStatus.Excluded => string.Join(" | ", exclusions.Select(e => e.Code())),
            _ => string.Empty,
        };
    }

    /// <summary>The first of the three columns (value, benchmark, score) of <paramref name="indicator"/>; 0 when the layout has none.</summary>
    internal int FirstColumnOf(Indicator indicator) => indicatorColumn[(int)indicator];

    /// <summary>How many leading columns come before the indicators' (row … imputed_items).</summary>
    internal static int LeadingCount => Leading.Length;

    /// <summary>The scheme and input columns that end every row, in order.</summary>
    internal string[] TrailingCells() => [run.SchemeId, run.SchemeVersion, run.SchemeHash, run.InputHash];

    /// <summary>The English column a problem names; "row" for a row-level problem.</summary>
    public static string ColumnOf(FieldProblem problem) =>
        problem.Field is { } field ? FieldCatalog.NameOf(field) : "row";

    private void FillRating(EnterpriseRating rating, bool figures)
    {
        cells[10] = rating.Pool;
        cells[11] = NumberText.Format(rating.Total);
        cells[12] = NumberText.Format(rating.Rank);
        cells[13] = NumberText.Format(rating.PoolSize);
        cells[14] = NumberText.Format(rating.Percentile);
        cells[15] = NumberText.Format(rating.QuotaRank);
        cells[16] = NumberText.Format(rating.QuotaPoolSize);
        cells[17] = rating.Class.ToString();
        cells[18] = rating.Override.Code();
        cells[19] = NumberText.Format(rating.GapToNextClass);
        cells[20] = NumberText.Format(rating.ConsecutiveDYears);
        cells[21] = NumberText.Format(rating.Bonus);
        cells[22] = NumberText.Format(rating.Penalty);
        cells[23] = string.Join(";", rating.Items.Where(i => i.Imputed).Select(i => i.Indicator.Id()));
        if (!figures)
        {
            return;
        }

        foreach (var item in rating.Items)
        {
            var column = indicatorColumn[(int)item.Indicator];
            if (column == 0)
            {
                // An indicator the layout has no columns for (column 0 is "row"): never from the scheme that rated it.
                continue;
            }

            cells[column] = NumberText.Format(item.Value);
            cells[column + 1] = NumberText.Format(item.Benchmark);
            cells[column + 2] = NumberText.Format(item.Score);
        }
    }
}

/// <summary>One row of ratings.csv / ratings.xlsx, from an input row (<c>muscore rate</c>) or a stored rating (the console).</summary>
/// <param name="RowNumber">The row column.</param>
/// <param name="Status">RATED, EXCLUDED or INVALID.</param>
/// <param name="Reason">The problems or exclusion codes, joined by " | "; empty for a rated row.</param>
/// <param name="CreditCode">The credit code cell.</param>
/// <param name="Name">The name cell.</param>
/// <param name="Region">The region cell.</param>
/// <param name="Industry">The industry code; null when unknown.</param>
/// <param name="Scale">"ABOVE" or "BELOW"; null when unknown.</param>
/// <param name="LandMu">Evaluated land, 亩; null when unknown.</param>
/// <param name="Rating">The rating (RATED rows).</param>
public sealed record RatingsTableRow(
    int RowNumber, RowStatus Status, string Reason, string? CreditCode, string? Name, string? Region, string? Industry, string? Scale, decimal? LandMu, EnterpriseRating? Rating);
