using System.Globalization;
using Google.Protobuf.Reflection;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Querying;

/// <summary>
/// An enum value as the .proto spells it without the enum's prefix, as --json and docs write it:
/// RATING_CLASS_A → "A", QUOTE_STATUS_NO_RATING_IN_FORCE → "NO_RATING_IN_FORCE".
/// </summary>
internal static class ProtoEnumText
{
    private static readonly FileDescriptor[] Files = [RatingReflection.Descriptor, PolicyServiceReflection.Descriptor];

    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var descriptor = Files.SelectMany(f => f.EnumTypes).First(e => e.ClrType == typeof(T));
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        var name = descriptor.FindValueByNumber(number)?.Name ?? number.ToString(CultureInfo.InvariantCulture);
        var prefix = string.Concat(descriptor.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString())) + "_";
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
    }
}
