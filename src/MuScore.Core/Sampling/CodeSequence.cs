using MuScore.Core.Records;

namespace MuScore.Core.Sampling;

/// <summary>
/// Unique, valid credit codes: "91" (an enterprise registered with market regulation), the 6-digit
/// region, a GB 11714 organisation code whose 8-character body is a seed-keyed bijection of the
/// row index (so no two rows share one), and the GB 32100-2015 check character.
/// </summary>
internal sealed class CodeSequence
{
    private const long Half = 923_521; // 31^4: the body is two halves of four characters
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
    private readonly ulong[] keys = new ulong[4];

    public CodeSequence(long seed)
    {
        var random = SampleRandom.For(seed, 0, salt: 2);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = random.NextUInt64();
        }
    }

    public string Code(string region, int index)
    {
        // A 4-round Feistel network over the two halves is a bijection on [0, 31^8), so distinct
        // indices get distinct bodies, and consecutive indices do not look consecutive.
        long left = index / Half, right = index % Half;
        foreach (var key in keys)
        {
            var mixed = (long)(new SampleRandom(key ^ (ulong)right).NextUInt64() % Half);
            (left, right) = (right, (left + mixed) % Half);
        }

        var value = (left * Half) + right;
        Span<char> code = stackalloc char[CreditCode.Length];
        code[0] = '9';
        code[1] = '1';
        region.AsSpan().CopyTo(code[2..]);
        for (var i = 15; i >= 8; i--)
        {
            code[i] = CreditCode.Alphabet[(int)(value % 31)];
            value /= 31;
        }

        code[16] = OrgCheck(code.Slice(8, 8));
        code[17] = CreditCode.CheckCharacter(code[..17]);
        return code.ToString();
    }

    /// <summary>The GB 11714 check character of an organisation code body (digits 0–9, letters 10–35).</summary>
    private static char OrgCheck(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrgWeights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }
}
