using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.TestSupport;
using EnterpriseRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Cli.Tests.Lists;

/// <summary>
/// Hand-made enterprises of Linhai (331082) whose tax, land and revenue put them exactly on, or just
/// off, the low-efficiency lists (seed 004 附件 二): tax per mu exactly 5 and 10 万元 are listed,
/// revenue exactly 10,000 万元 counts, 0.001 above a limit is not.
/// </summary>
internal static class LinhaiFirms
{
    public const string Region = "331082";

    /// <summary>10 万元/亩 both years, revenue exactly 10,000: LARGE_LOW_TAX.</summary>
    public static readonly string Large = Code(1);

    /// <summary>10.001 万元/亩 this year: on no list.</summary>
    public static readonly string JustOverTen = Code(2);

    /// <summary>Exactly 5 万元/亩 on 2.25 + 0.97 − 0.22 = 3 mu, revenue 9,999.99: LOW_TAX only.</summary>
    public static readonly string ExactlyFive = Code(3);

    /// <summary>5.001 万元/亩: on no list.</summary>
    public static readonly string JustOverFive = Code(4);

    /// <summary>4 万元/亩 (8 the year before), revenue 15,000: on both lists.</summary>
    public static readonly string Both = Code(5);

    /// <summary>6 万元/亩, revenue 12,000, absent the year before: on no list.</summary>
    public static readonly string NewThisYear = Code(6);

    /// <summary>10 万元/亩 this year but 10.001 the year before: on no list.</summary>
    public static readonly string OverTenLastYear = Code(7);

    /// <summary>Below scale, 2 万元/亩 in 2023: LOW_TAX (both scales are listed), not in the 规上 summary.</summary>
    public static readonly string BelowScale = Code(9);

    /// <summary>2023: the enterprises above; 规上 Σtax 1965.02 / Σland 103, ΣVA 10290 / 93, manufacturing ΣVA 9690 / 269 employees.</summary>
    public static IReadOnlyList<EnterpriseRecord> Year2023 { get; } =
    [
        Firm(1, "10", tax: "100", revenue: "10000", va: "300", employees: "30"),
        Firm(2, "10", tax: "100.01", revenue: "20000", va: "300", employees: "30"),
        Firm(3, "2.25", tax: "15", revenue: "9999.99", va: "90", employees: "9", leasedIn: "0.97", leasedOut: "0.22"),
        Firm(4, "10", tax: "50.01", revenue: "5000", va: "200", employees: "20"),
        Firm(5, "10", tax: "40", revenue: "15000", va: "200", employees: "20"),
        Firm(6, "10", tax: "60", revenue: "12000", va: "300", employees: "30"),
        Firm(7, "10", tax: "100", revenue: "12000", va: "300", employees: "30"),
        Firm(8, "20", tax: "1000", revenue: "50000", va: "8000", employees: "100"),
        Firm(9, "5", tax: "10", revenue: "500", va: "40", employees: "8", scale: "BELOW"),
        Firm(10, "10", tax: "300", revenue: "8000", va: "600", employees: "10", industry: "B0610"),
        Firm(11, "10", tax: "200", revenue: "6000", va: string.Empty, employees: "10"),
    ];

    /// <summary>2022: only <see cref="ExactlyFive"/> is at or under 5 万元/亩; there is no 2021, so LARGE_LOW_TAX is empty.</summary>
    public static IReadOnlyList<EnterpriseRecord> Year2022 { get; } =
    [
        Firm(1, "10", tax: "100", revenue: "11000", va: "300", employees: "30"),
        Firm(2, "10", tax: "100", revenue: "19000", va: "300", employees: "30"),
        Firm(3, "3", tax: "15", revenue: "9000", va: "90", employees: "9"),
        Firm(4, "10", tax: "60", revenue: "5000", va: "200", employees: "20"),
        Firm(5, "10", tax: "80", revenue: "14000", va: "200", employees: "20"),
        Firm(7, "10", tax: "100.01", revenue: "12000", va: "300", employees: "30"),
        Firm(8, "20", tax: "900", revenue: "48000", va: "7000", employees: "100"),
        Firm(9, "5", tax: "30", revenue: "500", va: "40", employees: "8", scale: "BELOW"),
        Firm(10, "10", tax: "300", revenue: "8000", va: "600", employees: "10", industry: "B0610"),
        Firm(11, "10", tax: "200", revenue: "6000", va: string.Empty, employees: "10"),
    ];

    /// <summary>"Linhai firm N".</summary>
    public static string Name(int serial) => string.Create(CultureInfo.InvariantCulture, $"临海企业 {serial}");

    /// <summary>A valid credit code of the region from a serial.</summary>
    public static string Code(int serial) => TestCreditCodes.Make(serial, Region);

    /// <summary>An established enterprise with every other figure reported, so that it is RATED.</summary>
    public static EnterpriseRecord Firm(int serial, string landOwn, string tax, string revenue, string va, string employees,
        string scale = "ABOVE", string industry = "C3670", string leasedIn = "", string leasedOut = "") => new()
        {
            CreditCode = Code(serial),
            Name = Name(serial),
            Region = Region,
            Industry = industry,
            Scale = scale,
            LandOwnMu = landOwn,
            LandLeasedInMu = leasedIn,
            LandLeasedOutMu = leasedOut,
            Tax = tax,
            ValueAdded = va,
            Revenue = revenue,
            EnergyTce = "400",
            Electricity = "300",
            Water = "20000",
            Cod = "1",
            Nh3N = "0.2",
            So2 = "0.5",
            Nox = "0.8",
            Employees = employees,
            Rd = "40",
        };
}
