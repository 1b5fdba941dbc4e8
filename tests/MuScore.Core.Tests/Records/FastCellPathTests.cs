using System.Globalization;
using System.Text;
using MuScore.Core.Records;

namespace MuScore.Core.Tests.Records;

/// <summary>
/// The fast paths of validation (short numbers checked in integers, the credit code by table,
/// booleans by length) against the plain forms they replace, on random and edge inputs.
/// </summary>
public sealed class FastCellPathTests
{
    private const NumberStyles NumberForm =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static TheoryData<string> EdgeNumbers =>
    [
        "0", "-0", "+0", "-0.000", "0.10", "12.50", "1.", ".5", "-", "+", "", "1e3", "1.2.3", "--1", "1-",
        "1000000000000", "1000000000000.0", "1000000000000.01", "-1000000000000.000001", "999999999999.9999999",
        "100000000000000000", "999999999999999999", "9999999999999999999", "0.000000000000000001",
        "12345678.123456789", "18446744073709551615", "0000000000000000001", "٣", "１", " 1", "1 ",
    ];

    [Theory]
    [MemberData(nameof(EdgeNumbers))]
    public void TryShortNumber_EdgeInputs_AgreeWithDecimalParse(string text) => AssertAgrees(text);

    [Fact]
    public void TryShortNumber_RandomInputs_AgreeWithDecimalParse()
    {
        var random = new Random(20251207);
        var shorts = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var text = RandomNumberText(random);
            shorts += AssertAgrees(text) ? 1 : 0;
        }

        // Both paths are exercised: most random texts are short numbers, some are not.
        Assert.InRange(shorts, 100_000, 199_000);
    }

    [Fact]
    public void Validate_RandomCodes_AgreesWithTheAlphabetSearch()
    {
        var random = new Random(32100);
        const string Others = "IOSVZaz-é 統";
        for (var i = 0; i < 100_000; i++)
        {
            var chars = new char[random.Next(4) == 0 ? random.Next(16, 20) : CreditCode.Length];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(40) == 0 ? Others[random.Next(Others.Length)] : CreditCode.Alphabet[random.Next(CreditCode.Alphabet.Length)];
            }

            var code = new string(chars);
            if (random.Next(3) == 0 && code.Length == CreditCode.Length && ByAlphabetSearch(code) != ProblemRule.CreditCodeFormat)
            {
                // A third of the well-formed codes get their right check character.
                code = code[..17] + CreditCode.CheckCharacter(code.AsSpan(0, 17));
            }

            Assert.Equal(ByAlphabetSearch(code), CreditCode.Validate(code));
        }
    }

    [Fact]
    public void TryBoolean_Words_AgreeWithComparingEveryWord()
    {
        string[] words = ["true", "false", "1", "0", "yes", "no", "y", "n", "是", "否"];
        var texts = new List<string> { "", "t", "f", "2", "ye", "tru", "falsey", "yes ", "ſ", "yeſ", "K", "有", "√", "ok", "nO", "YeS", "TrUe", "FALSE" };
        foreach (var word in words)
        {
            texts.Add(word);
            texts.Add(word.ToUpperInvariant());
        }

        foreach (var text in texts)
        {
            var accepted = CellParsers.TryBoolean(text, out var value);
            var truth = Array.FindIndex(words, w => text.Equals(w, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(truth >= 0, accepted);
            Assert.Equal(truth >= 0 && words[truth] is "true" or "1" or "yes" or "y" or "是", value);
        }
    }

    [Fact]
    public void Parse_RandomFigures_RecordHoldsWhatDecimalParseReads()
    {
        // Figures packed straight from their digits must read back as the decimal the text is, scale
        // included, whether short (packed), wide (the overflow array) or blank (null, or 0 for land and points).
        var figures = Enum.GetValues<Field>().Where(f => f >= Field.LandOwnMu && f <= Field.FixedAssetInvestment || f is Field.BonusPoints or Field.PenaltyPoints).ToArray();
        string[] texts = ["", "0", "0.50", "12.5", "67108863", "67108864", "0.1234567", "0.12345678", "123456789012.345678", "1e2", "7E-3", "+3.0"];
        var random = new Random(18);
        var parser = new RecordParser();
        for (var i = 0; i < 2000; i++)
        {
            var row = Builders.RawRow.Valid().With(Field.LandOwnMu, "100");
            var chosen = new Dictionary<Field, string>();
            foreach (var field in figures)
            {
                // Tax is required, and land leased out must leave some land: those keep to texts that make a valid row.
                var pick = field switch
                {
                    Field.Tax => texts[random.Next(1, texts.Length)],
                    Field.LandLeasedOutMu => texts[random.Next(4)],
                    _ => texts[random.Next(texts.Length)],
                };
                if (field != Field.LandOwnMu && random.Next(2) == 0)
                {
                    chosen[field] = pick;
                    row = row.With(field, chosen[field]);
                }
            }

            var record = parser.Parse(row).Record;
            Assert.NotNull(record);
            foreach (var (field, text) in chosen)
            {
                var plain = field is Field.LandLeasedInMu or Field.LandLeasedOutMu or Field.Tax or Field.BonusPoints or Field.PenaltyPoints;
                decimal? expected = text.Length == 0 ? (plain ? 0m : null) : decimal.Parse(text, NumberForm, CultureInfo.InvariantCulture);
                Assert.Equal(expected?.ToString(CultureInfo.InvariantCulture), Read(record, field)?.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Asserts the short path agrees with decimal.Parse; true when the text is a short number.</summary>
    private static bool AssertAgrees(string text)
    {
        var parsed = decimal.TryParse(text, NumberForm, CultureInfo.InvariantCulture, out var expected);
        Assert.Equal(parsed, CellParsers.TryNumber(text, out var value));
        if (parsed)
        {
            // Same value and same scale: the text a figure echoes keeps its trailing zeros.
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
        }

        if (!CellParsers.TryShortNumber(text, out var mantissa, out var scale, out var negative))
        {
            return false;
        }

        Assert.True(parsed, text);
        var number = CellParsers.ShortDecimal(mantissa, scale, negative);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected < 0m, negative);
        Assert.Equal(Math.Abs(expected) > CellParsers.MaxMagnitude, CellParsers.ShortExceedsMax(mantissa, scale));
        return true;
    }

    private static decimal? Read(EnterpriseRecord record, Field field) => field switch
    {
        Field.LandLeasedInMu => record.LandLeasedInMu,
        Field.LandLeasedOutMu => record.LandLeasedOutMu,
        Field.Tax => record.Tax,
        Field.ValueAdded => record.ValueAdded,
        Field.Revenue => record.Revenue,
        Field.EnergyTce => record.EnergyTce,
        Field.Electricity => record.Electricity,
        Field.Water => record.Water,
        Field.Cod => record.Cod,
        Field.Nh3n => record.Nh3n,
        Field.So2 => record.So2,
        Field.Nox => record.Nox,
        Field.Employees => record.Employees,
        Field.Rd => record.Rd,
        Field.FixedAssetInvestment => record.FixedAssetInvestment,
        Field.BonusPoints => record.BonusPoints,
        Field.PenaltyPoints => record.PenaltyPoints,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string RandomNumberText(Random random)
    {
        var text = new StringBuilder();
        switch (random.Next(8))
        {
            case 0:
                text.Append('-');
                break;
            case 1:
                text.Append('+');
                break;
        }

        var digits = random.Next(20) == 0 ? random.Next(0, 22) : random.Next(1, 19);
        var point = random.Next(3) == 0 ? -1 : random.Next(0, digits + 1);
        for (var d = 0; d < digits; d++)
        {
            if (d == point)
            {
                text.Append('.');
            }

            // Many zeros: leading zeros, "-0" and trailing zeros are where a hand parser goes wrong.
            text.Append(random.Next(3) == 0 ? '0' : (char)('0' + random.Next(10)));
        }

        if (point == digits)
        {
            text.Append('.');
        }

        if (random.Next(50) == 0)
        {
            text.Append(random.Next(2) == 0 ? "e2" : "x");
        }

        return text.ToString();
    }

    private static ProblemRule? ByAlphabetSearch(string code)
    {
        if (code.Length != CreditCode.Length || code.Any(c => !CreditCode.Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return ProblemRule.CreditCodeFormat;
        }

        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditCode.Alphabet.IndexOf(code[i], StringComparison.Ordinal) * weights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return code[17] == CreditCode.Alphabet[check] ? null : ProblemRule.CreditCodeCheck;
    }
}
