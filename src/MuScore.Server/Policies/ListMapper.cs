using MuScore.Core.Policies;
using MuScore.Server.Mapping;
using MuScore.Server.Validation;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>The low-efficiency lists and the region summary on the wire.</summary>
internal static class ListMapper
{
    /// <summary>Region and year of a list or summary request; throws INVALID_ARGUMENT listing every violation.</summary>
    public static (string Region, int Year) ToCore(string region, int year)
    {
        var violations = new Violations();
        FieldRules.Region(violations, "region", region);
        FieldRules.Year(violations, "year", year);
        violations.ThrowIfAny();
        return (region, year);
    }

    /// <summary>The header, then the LARGE_LOW_TAX entries, then the LOW_TAX entries.</summary>
    public static IEnumerable<Proto.LowEfficiencyChunk> ToChunks(LowEfficiencyReport report)
    {
        var header = new Proto.LowEfficiencyHeader
        {
            Current = ToProto(report.Current),
            Policy = PolicyMapper.ToProto(report.Policy),
            Citation = report.Citation,
            LargeLowTaxCount = report.LargeLowTax.Count,
            LowTaxCount = report.LowTax.Count,
            Note = report.Note,
        };
        if (report.Previous is { } previous)
        {
            header.Previous = ToProto(previous);
        }

        yield return new Proto.LowEfficiencyChunk { Header = header };
        foreach (var entry in report.LargeLowTax.Concat(report.LowTax))
        {
            yield return new Proto.LowEfficiencyChunk { Entry = ToProto(entry) };
        }
    }

    public static Proto.RegionSummary ToProto(RegionSummary summary)
    {
        var message = new Proto.RegionSummary
        {
            Publication = ToProto(summary.Publication),
            Policy = PolicyMapper.ToProto(summary.Policy),
            Citation = summary.Citation,
            AboveScaleEnterprises = summary.AboveScaleEnterprises,
            TaxPerMu = ToProto(summary.TaxPerMu),
            VaPerMu = ToProto(summary.VaPerMu),
            LabourProductivity = ToProto(summary.LabourProductivity),
        };
        if (summary.TargetYear is { } year)
        {
            message.TargetYear = year;
        }

        return message;
    }

    private static Proto.PublicationUsed ToProto(PublicationRef publication) => new()
    {
        Region = publication.Region,
        Year = publication.Year,
        Version = publication.Version,
        RunId = publication.RunId,
    };

    private static Proto.ListedEnterprise ToProto(ListedEnterprise entry) => new()
    {
        List = entry.List == LowEfficiencyList.LargeLowTax ? Proto.LowEfficiencyList.LargeLowTax : Proto.LowEfficiencyList.LowTax,
        CreditCode = entry.CreditCode,
        Name = entry.Name ?? string.Empty,
        RevenueWan = entry.RevenueWan is { } revenue ? DecimalText.Format(revenue) : string.Empty,
        TaxWan = DecimalText.Format(entry.TaxWan),
        LandMu = DecimalText.Format(entry.LandMu),
        TaxPerMuWan = DecimalText.Format(entry.TaxPerMuWan),
        PreviousTaxPerMuWan = entry.PreviousTaxPerMuWan is { } previous ? DecimalText.Format(previous) : string.Empty,
        Reason = entry.Reason,
    };

    private static Proto.TargetCheck ToProto(TargetCheck check)
    {
        var message = new Proto.TargetCheck
        {
            Indicator = check.Indicator,
            Unit = check.Unit,
            Numerator = DecimalText.Format(check.Numerator),
            Denominator = DecimalText.Format(check.Denominator),
            Enterprises = check.Enterprises,
            Reason = check.Reason,
        };
        if (check.Value is { } value)
        {
            message.Value = DecimalText.Format(value);
        }

        if (check.Target is { } target)
        {
            message.Target = DecimalText.Format(target);
        }

        if (check.Met is { } met)
        {
            message.Met = met;
        }

        if (check.Margin is { } margin)
        {
            message.Margin = DecimalText.Format(margin);
        }

        return message;
    }
}
