using System.Runtime.CompilerServices;

namespace MuScore.Core.Records;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-symbol
/// alphabet (digits and upper-case letters without I, O, S, V, Z), the last a weighted mod-31 check.
/// </summary>
public static class CreditCode
{
    /// <summary>The code alphabet; a character's value is its index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Length of a code.</summary>
    public const int Length = 18;

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // Each ASCII character's value in the alphabet, -1 when it is not in it: every row has a code,
    // and 35 searches of the alphabet a row were a visible share of validating it.
    private static readonly sbyte[] Values = BuildValues();

    /// <summary>Checks a (trimmed) code; returns null when valid, else the rule it breaks.</summary>
    public static ProblemRule? Validate(ReadOnlySpan<char> code)
    {
        if (code.Length != Length)
        {
            return ProblemRule.CreditCodeFormat;
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var value = ValueOf(code[i]);
            if (value < 0)
            {
                return ProblemRule.CreditCodeFormat;
            }

            sum += value * Weights[i];
        }

        var last = code[Length - 1];
        if (ValueOf(last) < 0)
        {
            return ProblemRule.CreditCodeFormat;
        }

        return last == CheckOf(sum) ? null : ProblemRule.CreditCodeCheck;
    }

    /// <summary>The check character for the first 17 characters of a code (all from <see cref="Alphabet"/>).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("A credit code body has 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = ValueOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the credit code alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return CheckOf(sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ValueOf(char c) => c < Values.Length ? Values[c] : -1;

    private static char CheckOf(int sum)
    {
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
