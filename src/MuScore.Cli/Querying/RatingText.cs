using System.Globalization;
using System.Text;
using MuScore.Cli.Output;
using MuScore.Contracts.V1;
using MuScore.Ingest;

namespace MuScore.Cli.Querying;

/// <summary>"muscore get" as text: who, the class and how it was reached (items against benchmarks, rank, gap to the next class) and the publication.</summary>
internal static class RatingText
{
    public static string Format(GetRatingResponse response, int width)
    {
        ArgumentNullException.ThrowIfNull(response);
        var rating = response.Rating;
        var text = new StringBuilder();
        Line(text, "enterprise", $"{rating.CreditCode} {rating.Name}");
        Line(text, "region", Invariant($"{rating.Region}, year {rating.Year}, industry {rating.Industry}, scale {rating.Scale}"));
        var status = ProtoEnumText.Of(rating.Status);
        Line(text, "status", rating.ExclusionReasons.Count > 0 ? $"{status}: {string.Join(", ", rating.ExclusionReasons)}" : status);
        if (rating.Status == RatingStatus.Rated)
        {
            Rated(text, rating);
        }

        Line(text, "figures", Figures(rating));
        if (rating.Items.Count > 0)
        {
            var table = TextTable.Create("indicator", "value>", "benchmark>", "weight>", "score>", "basis");
            foreach (var item in rating.Items)
            {
                TextTable.AddRow(
                    table,
                    item.Indicator + (item.Imputed ? " (imputed)" : string.Empty),
                    item.HasValue ? NumberText.Format(item.Value) : "-",
                    item.HasBenchmark ? NumberText.Format(item.Benchmark) : "-",
                    NumberText.Format(item.Weight),
                    NumberText.Format(item.Score),
                    item.Basis);
            }

            text.Append('\n').Append(TextTable.Render(table, width)).Append('\n');
        }

        var published = rating.PublishedAt is { } at ? at.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(no time)";
        Line(text, "published", Invariant($"run {rating.RunId}, version {rating.Version}, year {rating.Year}, at {published}"));
        Line(text, "scheme", $"{rating.SchemeId} {rating.SchemeVersion} (sha256 {rating.SchemeHash})");
        if (response.PossiblyStale)
        {
            Line(text, "stale", "possibly: the server answered from its cache while its database was unreachable");
        }

        return text.ToString();
    }

    private static void Rated(StringBuilder text, Rating rating)
    {
        var rank = Invariant($"{rating.Rank} of {rating.PoolSize} in pool {rating.Pool} (percentile {NumberText.Format(rating.Percentile)})");
        if (rating.HasQuotaRank)
        {
            rank += Invariant($", quota rank {rating.QuotaRank} of {rating.QuotaPoolSize}");
        }

        var ratingClass = ProtoEnumText.Of(rating.RatingClass);
        var overridden = rating.OverrideKind == OverrideKind.None ? string.Empty : $" (override {ProtoEnumText.Of(rating.OverrideKind)})";
        Line(text, "class", ratingClass + overridden);
        Line(text, "score", $"{NumberText.Format(rating.TotalScore)} (bonus {NumberText.Format(rating.Bonus)}, penalty {NumberText.Format(rating.Penalty)})");
        Line(text, "rank", rank);
        Line(text, "gap", Gap(rating, ratingClass));
        if (rating.ConsecutiveDYears > 0)
        {
            Line(text, "D years", Invariant($"{rating.ConsecutiveDYears} in a row"));
        }
    }

    private static string Gap(Rating rating, string ratingClass)
    {
        var next = rating.RatingClass switch
        {
            RatingClass.B => "A",
            RatingClass.C => "B",
            RatingClass.D => "C",
            _ => null,
        };
        if (next is null)
        {
            return $"none: class {ratingClass} is the top";
        }

        return rating.HasGapToNextClass
            ? $"{NumberText.Format(rating.GapToNextClass)} points to class {next}"
            : $"none: the class was set by an override, or class {next} is empty in the pool";
    }

    private static string Figures(Rating rating)
    {
        if (rating.Figures is null && rating.LandMu.Length == 0)
        {
            // Field minimisation (docs/security.md): the scope, not the enterprise, decides.
            return "withheld: the token lacks ratings:figures (item values and benchmarks too)";
        }

        var figures = rating.Figures ?? new ReportedFigures();
        return $"land {Or(rating.LandMu)} mu, tax {Or(figures.TaxWan)} 万元, revenue {Or(figures.RevenueWan)} 万元, value added {Or(figures.ValueAddedWan)} 万元, employees {Or(figures.Employees)}";
    }

    private static string Or(string value) => value.Length > 0 ? value : "-";

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(11)).Append(value).Append('\n');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
