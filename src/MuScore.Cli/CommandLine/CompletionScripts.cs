namespace MuScore.Cli.CommandLine;

/// <summary>
/// The shell side of tab completion. System.CommandLine answers the "[suggest:POSITION]" directive
/// with the candidates at a cursor position of a command line, one a line; these scripts pass the
/// shell's line and cursor to it. (dotnet-suggest does the same for .NET tools in general; a script
/// of our own needs no global tool.)
/// </summary>
internal static class CompletionScripts
{
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "pwsh"];

    /// <summary>The script for <paramref name="shell"/>; null for a shell not supported.</summary>
    public static string? For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "pwsh" => Pwsh,
        _ => null,
    };

    private const string Bash = """
        # muscore tab completion for bash: source <(muscore completion bash)
        _muscore_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            local IFS=$'\n'
            COMPREPLY=( $(command muscore "[suggest:${#line}]" "${line}" 2>/dev/null) )
        }
        complete -o default -F _muscore_complete muscore

        """;

    private const string Zsh = """
        # muscore tab completion for zsh: source <(muscore completion zsh)
        _muscore_complete() {
            local -a candidates
            candidates=("${(@f)$(command muscore "[suggest:${#BUFFER[1,CURSOR]}]" "${BUFFER[1,CURSOR]}" 2>/dev/null)}")
            compadd -- "${candidates[@]}"
        }
        compdef _muscore_complete muscore

        """;

    private const string Pwsh = """
        # muscore tab completion for PowerShell: muscore completion pwsh | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName muscore -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $cursor = $cursorPosition - $commandAst.Extent.StartOffset
            & muscore "[suggest:$cursor]" "$line" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
