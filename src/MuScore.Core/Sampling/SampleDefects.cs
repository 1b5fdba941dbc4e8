using System.Globalization;
using MuScore.Core.Records;

namespace MuScore.Core.Sampling;

/// <summary>Turns the cells of a good row into a bad row of one <see cref="SampleDefect"/> kind.</summary>
internal static class SampleDefects
{
    /// <summary>Whether row <paramref name="index"/> is bad: exactly ⌊n · rate⌋ of the first n rows are, spread evenly.</summary>
    public static bool IsBad(int index, double rate) =>
        rate > 0 && Math.Floor((index + 1) * rate) > Math.Floor(index * rate);

    /// <summary>Applies a defect; <paramref name="earlier"/> is the credit code, name and region of the nearest earlier good row.</summary>
    public static void Apply(string[] cells, SampleDefect defect, bool chinese, int year, (string Code, string Name, string Region)? earlier)
    {
        switch (defect)
        {
            case SampleDefect.BadCheckCharacter:
                var code = cells[(int)Field.CreditCode];
                var check = CreditCode.Alphabet.IndexOf(code[^1], StringComparison.Ordinal);
                cells[(int)Field.CreditCode] = string.Concat(code.AsSpan(0, 17), CreditCode.Alphabet[(check + 1) % 31].ToString());
                break;
            case SampleDefect.MissingRequired:
                cells[(int)Field.Tax] = string.Empty;
                break;
            case SampleDefect.NegativeTax:
                cells[(int)Field.Tax] = "-" + (cells[(int)Field.Tax] is "0" ? "12.5" : cells[(int)Field.Tax]);
                break;
            case SampleDefect.ThousandsSeparator:
                var revenue = decimal.Parse(cells[(int)Field.Revenue], CultureInfo.InvariantCulture) + 1000m;
                cells[(int)Field.Revenue] = revenue.ToString("#,##0.##", CultureInfo.InvariantCulture);
                break;
            case SampleDefect.UnknownBoolean:
                cells[(int)Field.InConstruction] = chinese ? "待定" : "maybe";
                break;
            case SampleDefect.ImpossibleDate:
                cells[(int)Field.ProductionStart] = (year - 3).ToString(CultureInfo.InvariantCulture) + "-02-30";
                break;
            case SampleDefect.UnknownScale:
                cells[(int)Field.Scale] = chinese ? "中型" : "MEDIUM";
                break;
            case SampleDefect.LandNotPositive:
                cells[(int)Field.LandOwnMu] = "2.5";
                cells[(int)Field.LandLeasedInMu] = string.Empty;
                cells[(int)Field.LandLeasedOutMu] = "2.50";
                break;
            case SampleDefect.BlankLine:
                Array.Fill(cells, string.Empty);
                break;
            default:
                cells[(int)Field.CreditCode] = earlier!.Value.Code;
                cells[(int)Field.Name] = earlier.Value.Name;
                cells[(int)Field.Region] = earlier.Value.Region;
                break;
        }
    }
}
