using System.Globalization;
using MuScore.Core.Records;

namespace MuScore.Bench.Policies;

/// <summary>Valid, distinct credit codes of region 370102 from a serial.</summary>
internal static class CreditCodes
{
    public static string For(int serial)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"91370102{serial:D9}");
        return body + CreditCode.CheckCharacter(body);
    }
}
