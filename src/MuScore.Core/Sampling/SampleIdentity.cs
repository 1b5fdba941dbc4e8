using MuScore.Core.Records;

namespace MuScore.Core.Sampling;

/// <summary>
/// The parts of a sample enterprise that do not change from year to year: code, name, region,
/// industry, scale, land and an underlying productivity. They depend on the seed and row index only.
/// </summary>
internal sealed record SampleIdentity(
    string CreditCode,
    string Name,
    string Region,
    string Industry,
    int Division,
    Scale Scale,
    decimal LandOwnMu,
    decimal LandLeasedInMu,
    decimal LandLeasedOutMu,
    double Quality,
    DateOnly? ProductionStart)
{
    /// <summary>Evaluated land, exact.</summary>
    public decimal LandMu => LandOwnMu + LandLeasedInMu - LandLeasedOutMu;

    public static SampleIdentity Create(SampleOptions options, CodeSequence codes, int index)
    {
        var random = SampleRandom.For(options.Seed, index, salt: 1);
        var region = options.Regions[random.Next(options.Regions.Count)];
        var utility = random.Chance(0.02);
        var (code, noun) = utility
            ? SampleCatalog.Utilities[random.Next(SampleCatalog.Utilities.Length)]
            : SampleCatalog.Manufacturing[random.Pick(SampleCatalog.ManufacturingWeights)];
        var division = ((code[1] - '0') * 10) + (code[2] - '0');

        // Some bureaus write the class without its section letter.
        var industry = random.Chance(0.1) ? code[1..] : code;
        var scale = random.Chance(0.45) ? Scale.Above : Scale.Below;
        var brand = string.Concat(Brand(random), Brand(random));
        var name = SampleCatalog.Place(region) + brand + noun + (random.Chance(0.1) ? "股份有限公司" : "有限公司");

        // Evaluated land is log-normal: about 40 mu above scale, 8 mu below (≈ 10 % of them under 3 mu).
        var land = Math.Max(0.3, scale == Scale.Above ? random.LogNormal(40, 0.85) : random.LogNormal(8, 0.8));
        decimal own, leasedIn = 0m, leasedOut = 0m;
        if (scale == Scale.Below && random.Chance(0.35))
        {
            own = 0m;
            leasedIn = Quantity.Round(land, 2);
        }
        else if (random.Chance(0.12))
        {
            leasedIn = Quantity.Round(land * (0.1 + (0.3 * random.NextDouble())), 2);
            own = Math.Max(0.1m, Quantity.Round(land, 2) - leasedIn);
        }
        else
        {
            own = Quantity.Round(land, 2);
            if (random.Chance(0.06))
            {
                own = Quantity.Round(land * (1.2 + (0.4 * random.NextDouble())), 2);
                leasedOut = own - Quantity.Round(land, 2);
            }
        }

        var quality = random.Normal();
        var start = StartDate(random, options.Year);
        return new SampleIdentity(codes.Code(region, index), name, region, industry, division, scale, own, leasedIn, leasedOut, quality, start);
    }

    private static char Brand(SampleRandom random) =>
        SampleCatalog.BrandCharacters[random.Next(SampleCatalog.BrandCharacters.Length)];

    /// <summary>≈ 30 % blank (established), ≈ 3 % within the evaluated year, a few exactly on 1 January.</summary>
    private static DateOnly? StartDate(SampleRandom random, int year)
    {
        var draw = random.NextDouble();
        if (draw < 0.30)
        {
            return null;
        }

        if (draw < 0.33)
        {
            return new DateOnly(year, 1, 2).AddDays(random.Next(DateTime.IsLeapYear(year) ? 365 : 364));
        }

        if (draw < 0.333)
        {
            return new DateOnly(year, 1, 1);
        }

        var first = new DateOnly(Math.Max(1, year - 30), 1, 1);
        var span = new DateOnly(year - 1, 12, 31).DayNumber - first.DayNumber + 1;
        return first.AddDays(random.Next(span));
    }
}
