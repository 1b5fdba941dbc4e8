using System.Globalization;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using V1 = MuScore.Contracts.V1;

namespace MuScore.Reports;

/// <summary>Builds rating sets from an in-memory run or from published ratings (ListRatings).</summary>
public static class RatingSets
{
    /// <summary>The RATED outcomes of a run of <see cref="RatingEngine"/> under <paramref name="scheme"/>.</summary>
    public static RatingSet FromRun(RatingRun run, Scheme scheme, string source)
    {
        ArgumentNullException.ThrowIfNull(run);
        var enterprises = new List<RatedEnterprise>();
        var excluded = 0;
        var invalid = 0;
        foreach (var outcome in run.Rows)
        {
            switch (outcome.Status)
            {
                case RowStatus.Excluded:
                    excluded++;
                    continue;
                case RowStatus.Invalid:
                    invalid++;
                    continue;
            }

            var r = outcome.Rating!;
            enterprises.Add(new RatedEnterprise
            {
                CreditCode = outcome.CreditCode!,
                Name = outcome.Name ?? string.Empty,
                Region = outcome.Region!,
                Industry = outcome.Record?.Industry ?? string.Empty,
                LandMu = r.LandMu,
                Pool = r.Pool,
                Total = r.Total,
                Items = r.Items.ToArray(),
                Bonus = r.Bonus,
                Penalty = r.Penalty,
                Rank = r.Rank,
                PoolSize = r.PoolSize,
                Percentile = r.Percentile,
                QuotaRank = r.QuotaRank,
                QuotaPoolSize = r.QuotaPoolSize,
                Class = r.Class,
                Override = r.Override,
                GapToNextClass = r.GapToNextClass,
                ConsecutiveDYears = r.ConsecutiveDYears,
            });
        }

        return new RatingSet(run.Year, scheme, enterprises, excluded, invalid, source);
    }

    /// <summary>
    /// One publication's ratings as ListRatings streams them (RATED and EXCLUDED of one region and
    /// year). <paramref name="scheme"/> null means the preset the ratings name; its hash must match.
    /// Without the ratings:figures scope values and benchmarks are absent; the set still holds
    /// classes, totals and item scores.
    /// </summary>
    /// <exception cref="ReportInputException">No rating was rated, or the ratings mix years, schemes or versions.</exception>
    public static RatingSet FromPublication(IEnumerable<V1.Rating> ratings, Scheme? scheme, string source)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var enterprises = new List<RatedEnterprise>();
        var excluded = 0;
        V1.Rating? first = null;
        foreach (var rating in ratings)
        {
            first ??= rating;
            if (rating.Year != first.Year || rating.SchemeHash != first.SchemeHash || rating.Version != first.Version)
            {
                throw new ReportInputException($"{source}: ratings of {rating.CreditCode} differ from the first in year, scheme or publication version");
            }

            if (rating.Status != V1.RatingStatus.Rated)
            {
                excluded++;
                continue;
            }

            enterprises.Add(ToEnterprise(rating));
        }

        if (first is null || enterprises.Count == 0)
        {
            throw new ReportInputException($"{source}: holds no RATED enterprise; there is nothing to report");
        }

        var resolved = SchemeMatch.Resolve(source, first.SchemeId, first.SchemeVersion, first.SchemeHash, scheme);
        return new RatingSet(first.Year, resolved, enterprises, excluded, 0, source);
    }

    private static RatedEnterprise ToEnterprise(V1.Rating rating) => new()
    {
        CreditCode = rating.CreditCode,
        Name = rating.Name,
        Region = rating.Region,
        Industry = rating.Industry,
        LandMu = decimal.TryParse(rating.LandMu, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var land) ? land : null,
        Pool = rating.Pool,
        Total = rating.TotalScore,
        Items = rating.Items.Select(ToItem).ToArray(),
        Bonus = rating.Bonus,
        Penalty = rating.Penalty,
        Rank = rating.Rank,
        PoolSize = rating.PoolSize,
        Percentile = rating.Percentile,
        QuotaRank = rating.HasQuotaRank ? rating.QuotaRank : null,
        QuotaPoolSize = rating.QuotaPoolSize,
        Class = rating.RatingClass switch
        {
            V1.RatingClass.A => RatingClass.A,
            V1.RatingClass.B => RatingClass.B,
            V1.RatingClass.C => RatingClass.C,
            V1.RatingClass.D => RatingClass.D,
            _ => throw new ReportInputException($"rating of {rating.CreditCode} is RATED without a class"),
        },
        Override = rating.OverrideKind switch
        {
            V1.OverrideKind.Veto => OverrideKind.Veto,
            V1.OverrideKind.InvestmentA => OverrideKind.InvestmentA,
            V1.OverrideKind.ConstructionProtection => OverrideKind.ConstructionProtection,
            _ => OverrideKind.None,
        },
        GapToNextClass = rating.HasGapToNextClass ? rating.GapToNextClass : null,
        ConsecutiveDYears = rating.ConsecutiveDYears,
    };

    private static ItemScore ToItem(V1.ItemScore item)
    {
        var indicator = IndicatorCatalog.FromId(item.Indicator)
            ?? throw new ReportInputException($"item indicator '{item.Indicator}' is not an indicator of docs/method.md §4");
        var basis = item.Basis switch
        {
            "imputed" => ItemBasis.Imputed,
            "zero_denominator" => ItemBasis.ZeroDenominator,
            _ => ItemBasis.Scored,
        };
        return new ItemScore(indicator, item.HasValue ? item.Value : null, item.HasBenchmark ? item.Benchmark : null, item.Weight, item.Score, basis);
    }
}
