using MuScore.Core.Records;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Records;

/// <summary>GB 32100-2015: 18 characters of "0123456789ABCDEFGHJKLMNPQRTUWXY", the last a weighted mod-31 check.</summary>
public sealed class CreditCodeTests
{
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91440300708461136T")]
    [InlineData("914403001922038216")]
    [InlineData("91110108551385082Q")]
    public void Validate_PublishedCodes_Valid(string code)
    {
        Assert.Null(CreditCode.Validate(code));
        Assert.Equal(code[17], HandCheck(code[..17]));
    }

    [Fact]
    public void CheckCharacter_BuiltCodes_MatchTheWeightedMod31Formula()
    {
        for (var serial = 0; serial < 2000; serial += 7)
        {
            var code = CreditCodes.Make(serial);
            Assert.Equal(HandCheck(code[..17]), code[17]);
            Assert.Null(CreditCode.Validate(code));
        }
    }

    [Fact]
    public void CheckCharacter_SumDivisibleBy31_IsZero()
    {
        // All zeros weigh 0: 31 − 0 = 31, which maps to '0'.
        Assert.Equal('0', CreditCode.CheckCharacter("00000000000000000"));
        Assert.Null(CreditCode.Validate("000000000000000000"));
    }

    [Fact]
    public void Validate_WrongCheckCharacter_CheckRule()
    {
        Assert.Equal(ProblemRule.CreditCodeCheck, CreditCode.Validate("91350100M000100Y44"));
        Assert.Equal(ProblemRule.CreditCodeCheck, CreditCode.Validate("91350100M000100Y4A"));
    }

    [Fact]
    public void Validate_OneCharacterChanged_CaughtByTheCheck()
    {
        const string valid = "91350100M000100Y43";
        for (var i = 0; i < 17; i++)
        {
            var changed = valid.ToCharArray();
            changed[i] = changed[i] == '0' ? '1' : '0';
            Assert.Equal(ProblemRule.CreditCodeCheck, CreditCode.Validate(new string(changed)));
        }
    }

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData("91350100M000100y43")]
    public void Validate_LowerCase_Rejected(string code) =>
        Assert.Equal(ProblemRule.CreditCodeFormat, CreditCode.Validate(code));

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    public void Validate_ExcludedLetters_Rejected(char letter)
    {
        // Even with the check character such a code would have, the letter is not in the alphabet.
        var code = "91350100" + letter + "000100Y4";
        Assert.Equal(ProblemRule.CreditCodeFormat, CreditCode.Validate(code + "3"));
        Assert.Equal(ProblemRule.CreditCodeFormat, CreditCode.Validate("91350100M000100Y4" + letter));
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100-000100Y43")]
    [InlineData(" 91350100M000100Y4")]
    public void Validate_WrongLengthOrCharacters_FormatRule(string code) =>
        Assert.Equal(ProblemRule.CreditCodeFormat, CreditCode.Validate(code));

    /// <summary>The check character written out from the standard: 31 − (Σ value × weight mod 31), 31 → 0.</summary>
    private static char HandCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditCode.Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        var value = 31 - (sum % 31);
        return "0123456789ABCDEFGHJKLMNPQRTUWXY"[value == 31 ? 0 : value];
    }
}
