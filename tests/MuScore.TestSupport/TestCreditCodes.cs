using MuScore.Core.Records;

namespace MuScore.TestSupport;

/// <summary>Valid credit codes for hand-built test enterprises.</summary>
public static class TestCreditCodes
{
    /// <summary>
    /// A valid credit code of a region from a serial: <paramref name="prefix"/> (by default "9Y", an
    /// organ type the sample generator never uses, so it cannot collide with generated enterprises)
    /// + region + serial in base 31 + check character.
    /// </summary>
    public static string Make(int serial, string region, string prefix = "9Y")
    {
        var body = new char[17];
        prefix.CopyTo(body);
        region.CopyTo(body.AsSpan(2));
        var rest = serial;
        for (var i = 16; i >= 8; i--)
        {
            body[i] = CreditCode.Alphabet[rest % 31];
            rest /= 31;
        }

        return new string(body) + CreditCode.CheckCharacter(body);
    }
}
