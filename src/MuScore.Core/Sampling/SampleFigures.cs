using MuScore.Core.Records;

namespace MuScore.Core.Sampling;

/// <summary>
/// One year's figures of a sample enterprise. Tax follows land and the enterprise's underlying
/// productivity; value added, revenue, energy, water and emissions follow tax and revenue with
/// log-normal spread, so the indicators look like a real county's (黄岩 2022 benchmarks as medians).
/// </summary>
internal static class SampleFigures
{
    public static EnterpriseRecord Create(SampleIdentity id, SampleOptions options, int index)
    {
        var random = SampleRandom.For(options.Seed, index, salt: 1000 + options.Year);
        var above = id.Scale == Scale.Above;
        var land = (double)id.LandMu;

        // Year-to-year noise is smaller than the spread between enterprises, so ranks persist.
        var z = (0.9 * id.Quality) + (0.45 * random.Normal());
        var taxPerMu = (above ? 18.0 : 7.0) * SampleRandom.Exp(0.8 * z);
        var tax = random.Chance(0.01) ? 0m : Quantity.Round(land * taxPerMu, 2);
        var revenueDouble = Math.Max(1.0, (double)tax * random.LogNormal(23, 0.35)) + (land * 2);
        var revenue = Quantity.Round(revenueDouble, 2);
        var valueAdded = random.Chance(0.03)
            ? -Quantity.Round(revenueDouble * random.LogNormal(0.03, 0.6), 2)
            : Quantity.Round(revenueDouble * random.LogNormal(0.24, 0.25), 2);
        var vaPositive = Math.Max((double)valueAdded, 1.0);

        return new EnterpriseRecord
        {
            CreditCode = id.CreditCode,
            Name = id.Name,
            Region = id.Region,
            Industry = id.Industry,
            Division = id.Division,
            Scale = id.Scale,
            LandOwnMu = id.LandOwnMu,
            LandLeasedInMu = id.LandLeasedInMu,
            LandLeasedOutMu = id.LandLeasedOutMu,
            Tax = tax,
            ValueAdded = valueAdded,
            Revenue = revenue,
            EnergyTce = random.Chance(0.05) ? null : random.Chance(0.003) ? 0m : Quantity.Round(revenueDouble / random.LogNormal(10.8, 0.7), 2),
            Electricity = random.Chance(0.03) ? null : Quantity.Round(revenueDouble / random.LogNormal(6, 0.6), 2),
            Water = random.Chance(0.05) ? null : Quantity.Round(revenueDouble / random.LogNormal(0.4, 0.9), 0),
            Employees = random.Chance(0.01) ? null : Math.Max(above ? 8m : 3m, Quantity.Round(vaPositive / random.LogNormal(18, 0.45), 0)),
            Rd = Rd(random, above, revenueDouble),
            FixedAssetInvestment = null,
            ProductionStart = id.ProductionStart,
            BonusPoints = random.Chance(0.05) ? random.Between(1, 10) / 2m : 0m,
            PenaltyPoints = random.Chance(0.03) ? random.Between(1, 20) / 2m : 0m,
            MajorIncident = random.Chance(0.004),
            FailsStandards = random.Chance(0.007),
        }
        .WithPollutants(random, revenueDouble)
        .WithInvestment(random);
    }

    private static decimal? Rd(SampleRandom random, bool above, double revenue)
    {
        var draw = random.NextDouble();
        if (draw < (above ? 0.15 : 0.45))
        {
            return null;
        }

        if (draw < (above ? 0.25 : 0.70))
        {
            return 0m;
        }

        return Quantity.Round(revenue * random.LogNormal(above ? 0.02 : 0.008, 0.9), 2);
    }

    /// <summary>≈ 8 % report no pollutant at all, ≈ 3 % leave one blank; SO₂ and NH₃-N are sometimes a reported zero.</summary>
    private static EnterpriseRecord WithPollutants(this EnterpriseRecord record, SampleRandom random, double revenue)
    {
        if (random.Chance(0.08))
        {
            return record;
        }

        var total = revenue / random.LogNormal(19_700, 0.9);
        decimal? cod = Quantity.Round(total * 0.40 * random.LogNormal(1, 0.3), 4);
        decimal? nh3n = random.Chance(0.05) ? 0m : Quantity.Round(total * 0.05 * random.LogNormal(1, 0.3), 4);
        decimal? so2 = random.Chance(0.10) ? 0m : Quantity.Round(total * 0.20 * random.LogNormal(1, 0.3), 4);
        decimal? nox = Quantity.Round(total * 0.35 * random.LogNormal(1, 0.3), 4);
        if (random.Chance(0.03))
        {
            switch (random.Next(4))
            {
                case 0: cod = null; break;
                case 1: nh3n = null; break;
                case 2: so2 = null; break;
                default: nox = null; break;
            }
        }

        return record with { Cod = cod, Nh3n = nh3n, So2 = so2, Nox = nox };
    }

    /// <summary>≈ 2 % are in a construction period (about two thirds ≥ 3,000 万元, a fifth ≥ 1亿); others rarely report investment.</summary>
    private static EnterpriseRecord WithInvestment(this EnterpriseRecord record, SampleRandom random)
    {
        if (random.Chance(0.02))
        {
            return record with { InConstruction = true, FixedAssetInvestment = Quantity.Round(random.LogNormal(4_500, 1.0), 1) };
        }

        return random.Chance(0.4) ? record with { FixedAssetInvestment = Quantity.Round(random.LogNormal(150, 1.0), 1) } : record;
    }
}
