using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Security;

/// <summary>
/// What a caller without <see cref="Scopes.RatingsFigures"/> sees of an enterprise: the class and
/// how it was reached (score, rank, percentile, pool, override, gap, consecutive D years) and the
/// publication, never the reported tax, revenue, value added, employees, land, item values or
/// benchmarks (confidential taxpayer information a tariff system does not need). Built by
/// copying an allow-list, so a field added to the contract later stays hidden until it is listed
/// here on purpose.
/// </summary>
internal static class FieldMinimisation
{
    /// <summary>The rating itself for a caller with the figures scope, else its minimal copy.</summary>
    public static Proto.Rating ForCaller(Proto.Rating rating, Caller caller) =>
        caller.Has(Scopes.RatingsFigures) ? rating : Minimal(rating);

    /// <summary>The entry itself for a caller with the figures scope, else the list it is on without the figures that put it there.</summary>
    public static Proto.ListedEnterprise ForCaller(Proto.ListedEnterprise entry, Caller caller) =>
        caller.Has(Scopes.RatingsFigures)
            ? entry
            : new Proto.ListedEnterprise
            {
                List = entry.List,
                CreditCode = entry.CreditCode,
                Name = entry.Name,
                Reason = $"on the {entry.List} list; the figures need scope {Scopes.RatingsFigures}",
            };

    private static Proto.Rating Minimal(Proto.Rating full)
    {
        var minimal = new Proto.Rating
        {
            CreditCode = full.CreditCode,
            Name = full.Name,
            Region = full.Region,
            Year = full.Year,
            Industry = full.Industry,
            Scale = full.Scale,
            Status = full.Status,
            Pool = full.Pool,
            TotalScore = full.TotalScore,
            Bonus = full.Bonus,
            Penalty = full.Penalty,
            Rank = full.Rank,
            PoolSize = full.PoolSize,
            Percentile = full.Percentile,
            QuotaPoolSize = full.QuotaPoolSize,
            RatingClass = full.RatingClass,
            OverrideKind = full.OverrideKind,
            ConsecutiveDYears = full.ConsecutiveDYears,
            SchemeId = full.SchemeId,
            SchemeVersion = full.SchemeVersion,
            SchemeHash = full.SchemeHash,
            InputHash = full.InputHash,
            RunId = full.RunId,
            Version = full.Version,
            PublishedAt = full.PublishedAt,

            // A class set by hand is public, like the class: who set it and why (docs/review.md).
            Adjustment = full.Adjustment,
        };
        minimal.ExclusionReasons.AddRange(full.ExclusionReasons);
        if (full.HasQuotaRank)
        {
            minimal.QuotaRank = full.QuotaRank;
        }

        if (full.HasGapToNextClass)
        {
            minimal.GapToNextClass = full.GapToNextClass;
        }

        foreach (var item in full.Items)
        {
            minimal.Items.Add(new Proto.ItemScore
            {
                Indicator = item.Indicator,
                Weight = item.Weight,
                Score = item.Score,
                Imputed = item.Imputed,
                Basis = item.Basis,
            });
        }

        return minimal;
    }
}
