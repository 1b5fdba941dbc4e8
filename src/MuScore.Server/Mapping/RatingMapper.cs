using Google.Protobuf.WellKnownTypes;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Server.Reading;
using MuScore.Store;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Mapping;

/// <summary>A stored rating of a publication as the wire <see cref="Proto.Rating"/>; core types stay on this side.</summary>
internal static class RatingMapper
{
    public static Proto.Rating ToProto(StoredRating stored, Publication publication, RunStamp stamp)
    {
        var rating = new Proto.Rating
        {
            CreditCode = stored.CreditCode,
            Name = stored.Name ?? string.Empty,
            Region = stored.Region,
            Year = stored.Year,
            Industry = stored.Industry,
            Scale = stored.Scale,
            Status = stored.Status switch
            {
                RowStatus.Rated => Proto.RatingStatus.Rated,
                RowStatus.Excluded => Proto.RatingStatus.Excluded,
                _ => Proto.RatingStatus.Unspecified,
            },
            LandMu = DecimalText.Format(stored.LandMu),
            SchemeId = stamp.SchemeId,
            SchemeVersion = stamp.SchemeVersion,
            SchemeHash = stamp.SchemeHash,
            InputHash = stamp.InputHash,
            RunId = publication.RunId,
            Version = publication.Version,
            PublishedAt = Timestamp.FromDateTimeOffset(publication.PublishedAt),
        };
        rating.ExclusionReasons.AddRange(stored.ExclusionReasons);
        if (stored.Figures is { } figures)
        {
            rating.Figures = ToProto(figures);
        }

        if (stored.Rating is { } scored)
        {
            Fill(rating, scored);
        }

        if (stored.Adjustment is { } adjustment)
        {
            rating.Adjustment = new Proto.ClassAdjustment
            {
                ComputedClass = ToProto(adjustment.ComputedClass),
                Reason = adjustment.Reason,
                ProposedBy = adjustment.ProposedBy,
                ApprovedBy = adjustment.ApprovedBy,
                ApprovedAt = Timestamp.FromDateTimeOffset(adjustment.ApprovedAt),
                AdjustmentId = adjustment.AdjustmentId,
            };
        }

        return rating;
    }

    private static void Fill(Proto.Rating rating, EnterpriseRating scored)
    {
        rating.Pool = scored.Pool;
        rating.TotalScore = scored.Total;
        rating.Bonus = scored.Bonus;
        rating.Penalty = scored.Penalty;
        rating.Rank = scored.Rank;
        rating.PoolSize = scored.PoolSize;
        rating.Percentile = scored.Percentile;
        rating.QuotaPoolSize = scored.QuotaPoolSize;
        rating.RatingClass = ToProto(scored.Class);
        rating.OverrideKind = scored.Override switch
        {
            OverrideKind.Veto => Proto.OverrideKind.Veto,
            OverrideKind.InvestmentA => Proto.OverrideKind.InvestmentA,
            OverrideKind.ConstructionProtection => Proto.OverrideKind.ConstructionProtection,
            _ => Proto.OverrideKind.None,
        };
        rating.ConsecutiveDYears = scored.ConsecutiveDYears;
        if (scored.QuotaRank is { } quotaRank)
        {
            rating.QuotaRank = quotaRank;
        }

        if (scored.GapToNextClass is { } gap)
        {
            rating.GapToNextClass = gap;
        }

        foreach (var item in scored.Items)
        {
            rating.Items.Add(ToProto(item));
        }
    }

    /// <summary>Exact decimal text; the empty string for a figure not reported.</summary>
    private static Proto.ReportedFigures ToProto(ReportedFigures figures) => new()
    {
        TaxWan = DecimalText.Format(figures.TaxWan),
        RevenueWan = Text(figures.RevenueWan),
        ValueAddedWan = Text(figures.ValueAddedWan),
        Employees = Text(figures.Employees),
    };

    private static string Text(decimal? value) => value is { } v ? DecimalText.Format(v) : string.Empty;

    private static Proto.ItemScore ToProto(ItemScore item)
    {
        var proto = new Proto.ItemScore
        {
            Indicator = item.Indicator.Id(),
            Weight = item.Weight,
            Score = item.Score,
            Imputed = item.Imputed,
            Basis = item.Basis switch
            {
                ItemBasis.ZeroDenominator => "zero_denominator",
                ItemBasis.Imputed => "imputed",
                _ => "scored",
            },
        };
        if (item.Value is { } value)
        {
            proto.Value = value;
        }

        if (item.Benchmark is { } benchmark)
        {
            proto.Benchmark = benchmark;
        }

        return proto;
    }

    public static Proto.RatingClass ToProto(RatingClass ratingClass) => ratingClass switch
    {
        RatingClass.A => Proto.RatingClass.A,
        RatingClass.B => Proto.RatingClass.B,
        RatingClass.C => Proto.RatingClass.C,
        _ => Proto.RatingClass.D,
    };

    public static RatingClass FromProto(Proto.RatingClass ratingClass) => ratingClass switch
    {
        Proto.RatingClass.A => RatingClass.A,
        Proto.RatingClass.B => RatingClass.B,
        Proto.RatingClass.C => RatingClass.C,
        Proto.RatingClass.D => RatingClass.D,
        _ => throw new ArgumentOutOfRangeException(nameof(ratingClass), ratingClass, "validated before mapping"),
    };
}
