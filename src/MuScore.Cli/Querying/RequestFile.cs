using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MuScore.Cli.Querying;

/// <summary>
/// Reads a request message from a file of protobuf JSON (the message's JSON mapping: lowerCamelCase
/// or snake_case names, enums by name, decimals as strings). The file is checked against the
/// message's descriptor first, so that each mistake is reported with its JSON path
/// (<c>$.parcels[1].area_mu</c>) rather than as the parser's first complaint.
/// </summary>
internal static class RequestFile
{
    private const int MaxProblems = 20;
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <exception cref="CommandFailure">The file is missing, not JSON, or does not fit the message (exit code 2).</exception>
    /// <exception cref="IOException">The file could not be read (exit code 1).</exception>
    public static T Read<T>(string path, MessageDescriptor descriptor)
        where T : IMessage, new()
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!File.Exists(path))
        {
            throw CommandFailure.BadInput($"request file '{QueryOptions.BoundedPath(path)}' does not exist");
        }

        var text = File.ReadAllText(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw CommandFailure.BadInput(
                $"request file '{QueryOptions.BoundedPath(path)}' is not JSON: line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1} ({exception.Message.Split('.')[0]})");
        }

        using (document)
        {
            var problems = new List<string>();
            CheckMessage(document.RootElement, descriptor, "$", problems);
            if (problems.Count > 0)
            {
                var shown = problems.Take(MaxProblems).Select(p => "\n  " + p);
                var more = problems.Count > MaxProblems ? $"\n  … and {problems.Count - MaxProblems} more" : string.Empty;
                throw CommandFailure.BadInput(
                    $"request file '{QueryOptions.BoundedPath(path)}' is not a {descriptor.FullName} ({problems.Count} problem(s), docs/cli.md has an example):{string.Concat(shown)}{more}");
            }
        }

        try
        {
            return Parser.Parse<T>(text);
        }
        catch (InvalidProtocolBufferException exception)
        {
            // What the descriptor walk does not model (a number out of an integer's range, ...).
            throw CommandFailure.BadInput($"request file '{QueryOptions.BoundedPath(path)}' is not a {descriptor.FullName}: {exception.Message}");
        }
    }

    private static void CheckMessage(JsonElement element, MessageDescriptor descriptor, string path, List<string> problems)
    {
        if (descriptor.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
        {
            // Well-known types (Timestamp, wrappers) have JSON forms of their own; the parser checks them.
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object ({descriptor.Name}), found {Kind(element)}");
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var field = descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == property.Name || f.Name == property.Name);
            var at = $"{path}.{QueryOptions.Bounded(property.Name)}";
            if (field is null)
            {
                var names = string.Join(", ", descriptor.Fields.InDeclarationOrder().Select(f => f.Name));
                problems.Add($"{at}: unknown field of {descriptor.Name} (its fields: {names})");
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (field.IsRepeated && !field.IsMap)
            {
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{at}: expected an array, found {Kind(property.Value)}");
                    continue;
                }

                var index = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    CheckValue(item, field, $"{at}[{index++}]", problems);
                }

                continue;
            }

            CheckValue(property.Value, field, at, problems);
        }
    }

    private static void CheckValue(JsonElement value, FieldDescriptor field, string path, List<string> problems)
    {
        switch (field.FieldType)
        {
            case FieldType.Message:
                CheckMessage(value, field.MessageType, path, problems);
                break;
            case FieldType.Enum:
                var names = field.EnumType.Values.Select(v => v.Name).ToArray();
                var known = value.ValueKind switch
                {
                    JsonValueKind.String => names.Contains(value.GetString(), StringComparer.Ordinal),
                    JsonValueKind.Number => value.TryGetInt32(out var number) && field.EnumType.FindValueByNumber(number) is not null,
                    _ => false,
                };
                if (!known)
                {
                    problems.Add($"{path}: expected one of {string.Join(", ", names)}, found {Kind(value)}");
                }

                break;
            case FieldType.Bool:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected true or false, found {Kind(value)}");
                }

                break;
            case FieldType.String or FieldType.Bytes:
                if (value.ValueKind != JsonValueKind.String)
                {
                    // Decimals travel as text: "12.5", not 12.5, so that no digit is lost.
                    problems.Add($"{path}: expected a string (decimals are written as text, e.g. \"12.5\"), found {Kind(value)}");
                }

                break;
            default:
                if (value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
                {
                    problems.Add($"{path}: expected a number, found {Kind(value)}");
                }

                break;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"\"{QueryOptions.Bounded(element.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => $"the number {QueryOptions.Bounded(element.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };
}
