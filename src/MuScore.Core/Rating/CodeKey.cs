namespace MuScore.Core.Rating;

/// <summary>
/// A credit code packed into 128 bits so duplicates are found without touching a million strings
/// scattered on the heap: 18 characters of 0-9, A-Z or a-z at 6 bits each, one-to-one, so equal
/// keys mean equal codes. A code of any other form gets no key and is compared as a string.
/// </summary>
internal static class CodeKey
{
    /// <summary>No code (invalid code or region): never a duplicate.</summary>
    public static readonly UInt128 None = UInt128.Zero;

    /// <summary>Marks a key in use (the 18 characters take the low 108 bits).</summary>
    private static readonly UInt128 PresentBit = UInt128.One << 120;

    /// <summary>The code's key; false when it is not 18 characters of 0-9, A-Z, a-z.</summary>
    public static bool TryPack(string code, out UInt128 key)
    {
        key = None;
        if (code.Length != 18)
        {
            return false;
        }

        var packed = UInt128.Zero;
        foreach (var c in code)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                >= 'a' and <= 'z' => c - 'a' + 36,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            packed = (packed << 6) | (uint)digit;
        }

        key = packed | PresentBit;
        return true;
    }
}
