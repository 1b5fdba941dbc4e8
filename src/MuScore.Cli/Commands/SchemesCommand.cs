using System.Text;
using MuScore.Cli.Arguments;
using MuScore.Core.Schemes;

namespace MuScore.Cli.Commands;

/// <summary>"muscore schemes": lists the presets; "muscore schemes show NAME|FILE" prints a scheme's canonical JSON.</summary>
internal sealed class SchemesCommand : ICommand
{
    public string Name => "schemes";

    public string Summary => "list the preset schemes, or show one (or a scheme file) as canonical JSON";

    public string Usage => "schemes [show NAME|FILE]";

    public string Details =>
        "Without arguments: one line per preset (id, version, title).\n" +
        "show NAME|FILE: the canonical JSON of a preset or of a scheme file, whose hash ratings.csv\n" +
        "reports as scheme_hash. A scheme file with errors lists each with its JSON path (exit code 2).";

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public string Words => "ACTION";

    public IReadOnlyList<string> WordChoices => ["show", "list"];

    public int Run(ParsedArguments args, CliConsole console)
    {
        var words = args.Positionals;
        if (words.Count == 0 || (words.Count == 1 && words[0] == "list"))
        {
            console.Out.Write(List());
            return ExitCodes.Success;
        }

        if (words[0] != "show")
        {
            throw CommandFailure.Usage($"unknown schemes action '{words[0]}' (expected 'show' or nothing)");
        }

        if (words.Count != 2)
        {
            throw CommandFailure.Usage("schemes show needs exactly one preset name or scheme file");
        }

        console.Out.Write(SchemeJson.ToCanonicalJson(SchemeSource.Load(words[1])));
        return ExitCodes.Success;
    }

    private static string List()
    {
        var schemes = SchemePresets.Names.Select(SchemePresets.Get).ToArray();
        var idWidth = Math.Max(2, schemes.Max(s => s.Id.Length)) + 2;
        var versionWidth = Math.Max(7, schemes.Max(s => s.Version.Length)) + 2;
        var text = new StringBuilder();
        text.Append("id".PadRight(idWidth)).Append("version".PadRight(versionWidth)).Append("title\n");
        foreach (var scheme in schemes)
        {
            text.Append(scheme.Id.PadRight(idWidth)).Append(scheme.Version.PadRight(versionWidth)).Append(scheme.Title).Append('\n');
        }

        return text.ToString();
    }
}
