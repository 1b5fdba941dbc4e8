using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Classification;

/// <summary>The overrides of docs/method.md §6 in order; the first that matches wins.</summary>
internal static class OverrideResolver
{
    public static OverrideKind Resolve(OverrideRules rules, EnterpriseRecord r)
    {
        if (rules.Veto && (r.MajorIncident || r.FailsStandards))
        {
            return OverrideKind.Veto;
        }

        if (!r.InConstruction || r.FixedAssetInvestment is not { } investment)
        {
            return OverrideKind.None;
        }

        if (rules.InvestmentAMin is { } aMin && investment >= aMin)
        {
            return OverrideKind.InvestmentA;
        }

        return rules.ProtectionMin is { } pMin && investment >= pMin ? OverrideKind.ConstructionProtection : OverrideKind.None;
    }
}
