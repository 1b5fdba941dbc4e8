using Google.Protobuf;

namespace MuScore.Cli.Querying;

/// <summary>
/// --json output: the server's answer message in protobuf's JSON mapping, with the .proto field
/// names (snake_case), enum value names, and fields at their default value included, so that a
/// script finds every field of docs/cli.md in every answer. One object, indented, then a newline.
/// </summary>
internal static class AnswerJson
{
    private static readonly JsonFormatter Formatter = new(
        JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithPreserveProtoFieldNames(true).WithIndentation());

    public static string Format(IMessage message) => Formatter.Format(message) + "\n";
}
