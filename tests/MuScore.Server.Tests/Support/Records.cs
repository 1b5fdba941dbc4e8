using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.TestSupport;
using EnterpriseRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Tests.Support;

/// <summary>Enterprise records for submissions: the sample generator's rows as proto messages, and hand-made ones.</summary>
internal static class Records
{
    /// <summary>The sample generator's rows (English cells, no bad rows) for one region and year, as proto records.</summary>
    public static List<EnterpriseRecord> Sample(string region, int year, int count = 200, long seed = 3) =>
        [.. SampleGenerator.Generate(new SampleOptions { Count = count, Seed = seed, Year = year, Regions = [region] }).Select(FromCells)];

    /// <summary>The same sample as validated core records, for computing expected ratings with the core.</summary>
    public static List<Core.Records.EnterpriseRecord> SampleCore(string region, int year, int count = 200, long seed = 3) =>
        [.. SampleGenerator.GenerateRecords(new SampleOptions { Count = count, Seed = seed, Year = year, Regions = [region] })];

    /// <summary>Text cells in <see cref="FieldCatalog"/> order as a proto record.</summary>
    public static EnterpriseRecord FromCells(string[] cells) => EnterpriseRecordFields.FromCells(field => cells[(int)field]);

    /// <summary>A plausible ABOVE-scale manufacturer of 10 mu with every figure reported; <paramref name="tax"/> sets its standing.</summary>
    public static EnterpriseRecord Enterprise(int serial, string region, decimal tax = 100m) => new()
    {
        CreditCode = Code(serial, region),
        Name = string.Create(CultureInfo.InvariantCulture, $"Test enterprise {serial}"),
        Region = region,
        Industry = "C3670",
        Scale = "ABOVE",
        LandOwnMu = "10",
        Tax = tax.ToString(CultureInfo.InvariantCulture),
        ValueAdded = "500",
        Revenue = "2000",
        EnergyTce = "400",
        Electricity = "300",
        Water = "20000",
        Cod = "1",
        Nh3N = "0.2",
        So2 = "0.5",
        Nox = "0.8",
        Employees = "100",
        Rd = "40",
    };

    /// <summary>A valid credit code of a region from a serial (<see cref="TestCreditCodes.Make"/>).</summary>
    public static string Code(int serial, string region) => TestCreditCodes.Make(serial, region);

    /// <summary>A code whose check character is wrong.</summary>
    public static string WithBadCheck(string code)
    {
        var last = code[^1];
        var other = CreditCode.Alphabet[(CreditCode.Alphabet.IndexOf(last, StringComparison.Ordinal) + 1) % CreditCode.Alphabet.Length];
        return code[..^1] + other;
    }

    private static bool Flag(string cell) => cell == "true";
}
