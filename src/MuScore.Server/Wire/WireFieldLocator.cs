using System.Globalization;
using System.Text.Unicode;
using Google.Protobuf.Reflection;

namespace MuScore.Server.Wire;

/// <summary>Where a message that failed to parse goes wrong, as a request field path.</summary>
/// <param name="Field">The field path, e.g. <c>credit_code</c> or <c>batch.records[3].credit_code</c>; empty when the message itself is broken before any field.</param>
/// <param name="Rule">The rule code: <see cref="WireFieldLocator.Utf8Rule"/> or <see cref="WireFieldLocator.MalformedRule"/>.</param>
/// <param name="Description">What is wrong, for a person.</param>
internal sealed record WireFault(string Field, string Rule, string Description);

/// <summary>
/// Walks the protobuf wire format of a message that Google.Protobuf refused, with the message's
/// descriptor, to name the field at fault: the first string field that is not valid UTF-8, or
/// where the bytes stop making sense (a length running past the end, a broken varint, an unknown
/// wire type). The parser's own exception says only "String is invalid UTF-8." or "the input
/// ended unexpectedly"; a client fixing its request needs the field.
/// </summary>
internal static class WireFieldLocator
{
    /// <summary>The rule of a string field whose bytes are not UTF-8.</summary>
    public const string Utf8Rule = "utf8";

    /// <summary>The rule of bytes that are not a protobuf message of the expected type.</summary>
    public const string MalformedRule = "malformed";

    // Protobuf wire types (encoding.md): groups (3, 4) are proto2 only and never sent by our clients.
    private const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    /// <summary>The first fault found in <paramref name="message"/>, or null when its structure and strings are sound.</summary>
    public static WireFault? Find(ReadOnlySpan<byte> message, MessageDescriptor descriptor) => Find(message, descriptor, string.Empty, depth: 0);

    private static WireFault? Find(ReadOnlySpan<byte> data, MessageDescriptor descriptor, string prefix, int depth)
    {
        // Google.Protobuf's own recursion limit; deeper nesting is refused by the parser as well.
        if (depth > 100)
        {
            return new WireFault(prefix.TrimEnd('.'), MalformedRule, "the message nests deeper than 100 levels");
        }

        var counts = new Dictionary<int, int>();
        var position = 0;
        while (position < data.Length)
        {
            if (!TryVarint(data, ref position, out var tag) || tag >> 3 == 0 || tag >> 3 > int.MaxValue)
            {
                return new WireFault(prefix.TrimEnd('.'), MalformedRule, Text($"byte {position} does not start a field: the bytes are not a {descriptor.Name} message"));
            }

            var number = (int)(tag >> 3);
            var field = descriptor.FindFieldByNumber(number);
            var path = Path(prefix, field, number, counts);
            switch ((int)(tag & 7))
            {
                case Varint:
                    if (!TryVarint(data, ref position, out _))
                    {
                        return Truncated(path);
                    }

                    break;
                case Fixed64:
                case Fixed32:
                    position += (int)(tag & 7) == Fixed64 ? 8 : 4;
                    if (position > data.Length)
                    {
                        return Truncated(path);
                    }

                    break;
                case LengthDelimited:
                    if (!TryVarint(data, ref position, out var length) || length > (ulong)(data.Length - position))
                    {
                        return Truncated(path);
                    }

                    var content = data.Slice(position, (int)length);
                    position += (int)length;
                    if (field?.FieldType == FieldType.String && !Utf8.IsValid(content))
                    {
                        return new WireFault(path, Utf8Rule, Text($"{path} is not valid UTF-8 (byte 0x{content[FirstInvalid(content)]:X2} at offset {FirstInvalid(content)} of the value); text fields must be UTF-8"));
                    }

                    if (field?.FieldType == FieldType.Message && Find(content, field.MessageType, path + ".", depth + 1) is { } inner)
                    {
                        return inner;
                    }

                    break;
                default:
                    return new WireFault(path, MalformedRule, Text($"{path} has wire type {tag & 7}, which no field of {descriptor.Name} uses"));
            }
        }

        return null;
    }

    private static WireFault Truncated(string path) =>
        new(path, MalformedRule, $"{path} is cut short: the message ends inside it (truncated, or a length that runs past the end)");

    // "records[2]" for the third element of a repeated field; unknown fields by number.
    private static string Path(string prefix, FieldDescriptor? field, int number, Dictionary<int, int> counts)
    {
        var name = field?.Name ?? Text($"<field {number}>");
        if (field is not { IsRepeated: true })
        {
            return prefix + name;
        }

        var index = counts.GetValueOrDefault(number);
        counts[number] = index + 1;
        return Text($"{prefix}{name}[{index}]");
    }

    private static int FirstInvalid(ReadOnlySpan<byte> content)
    {
        var valid = 0;
        while (valid < content.Length && System.Text.Rune.DecodeFromUtf8(content[valid..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            valid += consumed;
        }

        return Math.Min(valid, content.Length - 1);
    }

    private static bool TryVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < data.Length; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
