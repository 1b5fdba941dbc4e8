using MuScore.Cli.Arguments;
using MuScore.Cli.CommandLine;

namespace MuScore.Cli.Commands;

/// <summary>"muscore completion bash|zsh|pwsh": prints the shell script that wires tab completion to System.CommandLine's [suggest] directive.</summary>
internal sealed class CompletionCommand : ICommand
{
    public string Name => "completion";

    public string Summary => "print a tab-completion script for bash, zsh or pwsh";

    public string Usage => "completion bash|zsh|pwsh";

    public string Details =>
        "Completes verbs, options, actions and option values (e.g. --utility electricity|water|gas).\n" +
        "bash:  source <(muscore completion bash)        (or add the line to ~/.bashrc)\n" +
        "zsh:   source <(muscore completion zsh)         (or add the line to ~/.zshrc)\n" +
        "pwsh:  muscore completion pwsh | Out-String | Invoke-Expression   (or add it to $PROFILE)\n" +
        "The script asks 'muscore \"[suggest:N]\" LINE' for the words at cursor position N; muscore must be\n" +
        "on PATH. Exit codes: 0 printed, 2 an unknown shell.";

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public string Words => "SHELL";

    public IReadOnlyList<string> WordChoices => CompletionScripts.Shells;

    public int Run(ParsedArguments args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var shells = string.Join(", ", CompletionScripts.Shells);
        if (args.Positionals.Count != 1)
        {
            throw CommandFailure.Usage(args.Positionals.Count == 0 ? $"completion needs a shell: {shells}" : $"unexpected argument '{args.Positionals[1]}'");
        }

        var script = CompletionScripts.For(args.Positionals[0])
            ?? throw CommandFailure.Usage($"unknown shell '{args.Positionals[0]}' (expected {shells})");
        console.Out.Write(script);
        return ExitCodes.Success;
    }
}
