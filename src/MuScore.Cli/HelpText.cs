using System.Text;
using MuScore.Cli.Commands;

namespace MuScore.Cli;

/// <summary>The help pages: general and per command.</summary>
internal static class HelpText
{
    public static string General(IReadOnlyList<ICommand> commands)
    {
        var text = new StringBuilder();
        text.Append("muscore: per-mu efficiency ratings (亩均效益综合评价)\n\n");
        text.Append("usage: muscore <command> [options]\n\ncommands:\n");
        foreach (var command in commands)
        {
            // Ten columns as always; a longer verb keeps two spaces before its line.
            text.Append("  ").Append(command.Name.Length < 9 ? command.Name.PadRight(10) : command.Name + "  ").Append(command.Summary).Append('\n');
        }

        text.Append("\nRun 'muscore <command> --help' for a command's options, 'muscore --version' for the version,\n");
        text.Append("and see 'muscore completion --help' for tab completion.\n");
        return text.ToString();
    }

    public static string ForCommand(ICommand command)
    {
        var text = new StringBuilder();
        text.Append("usage: muscore ").Append(command.Usage).Append("\n\n").Append(command.Summary).Append('\n');
        if (command.Options.Count > 0)
        {
            text.Append("\noptions:\n");
            var width = command.Options.Max(o => o.Synopsis.Length) + 2;
            foreach (var option in command.Options)
            {
                text.Append("  ").Append(option.Synopsis.PadRight(width)).Append(option.Help);
                if (option.EnvironmentVariable is { } variable)
                {
                    text.Append(" (env ").Append(variable).Append(')');
                }

                text.Append(option.Required ? " (required)\n" : "\n");
            }
        }

        if (command.Details.Length > 0)
        {
            text.Append('\n').Append(command.Details).Append('\n');
        }

        return text.ToString();
    }
}
