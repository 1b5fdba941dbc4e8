using MuScore.Core.Records;

namespace MuScore.Core.Tests.Builders;

/// <summary>Valid GB 32100-2015 codes built from a serial number, so tests never depend on real firms.</summary>
internal static class CreditCodes
{
    /// <summary>
    /// "91" (industry and commerce, enterprise) + the region + the serial as a 9-character
    /// organisation code in the code alphabet + the check character. The alphabet is in ordinal
    /// order, so a larger serial gives an ordinally larger code within one region.
    /// </summary>
    public static string Make(int serial, string region = EnterpriseBuilder.DefaultRegion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        var body = new char[17];
        "91".CopyTo(body);
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
