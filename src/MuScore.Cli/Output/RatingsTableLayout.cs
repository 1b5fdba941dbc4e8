using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>
/// The columns of ratings.csv and ratings.xlsx (docs/outputs.md) and how one row outcome fills
/// them. Shared by both writers so the two files always agree; one cell buffer is reused per row
/// so a million-row run never holds all cell strings at once.
/// </summary>
internal sealed class RatingsTableLayout
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
    {
        ArgumentNullException.ThrowIfNull(scheme);
        this.run = run;
        Indicators = scheme.Pools.SelectMany(p => p.Indicators).Select(i => i.Indicator).Distinct().ToArray();
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

    /// <summary>The cells of one outcome; the array is reused by the next call.</summary>
    public string[] Fill(RowOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Array.Fill(cells, string.Empty);
        var record = outcome.Record;
        cells[0] = NumberText.Format(outcome.RowNumber);
        cells[1] = outcome.Status.Code();
        cells[2] = Reason(outcome);
        cells[3] = outcome.CreditCode ?? string.Empty;
        cells[4] = outcome.Name ?? string.Empty;
        cells[5] = outcome.Region ?? string.Empty;
        cells[6] = NumberText.Format(run.Year);
        cells[7] = record?.Industry ?? string.Empty;
        cells[8] = record is null ? string.Empty : record.Scale == Scale.Above ? "ABOVE" : "BELOW";
        cells[9] = record is null ? string.Empty : NumberText.Format(record.LandMu);
        if (outcome.Rating is { } rating)
        {
            FillRating(rating);
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
        return outcome.Status switch
        {
            RowStatus.Invalid => string.Join(" | ", outcome.Problems.Select(p => $"{ColumnOf(p)}: {p.Rule.Code()}: {p.Message}")),
            RowStatus.Excluded => string.Join(" | ", outcome.Exclusions.Select(e => e.Code())),
            _ => string.Empty,
        };
    }

    /// <summary>The English column a problem names; "row" for a row-level problem.</summary>
    public static string ColumnOf(FieldProblem problem) =>
        problem.Field is { } field ? FieldCatalog.NameOf(field) : "row";

    private void FillRating(EnterpriseRating rating)
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
        foreach (var item in rating.Items)
        {
            var column = indicatorColumn[(int)item.Indicator];
            cells[column] = NumberText.Format(item.Value);
            cells[column + 1] = NumberText.Format(item.Benchmark);
            cells[column + 2] = NumberText.Format(item.Score);
        }
    }
}
