using MuScore.Cli.Arguments;
using MuScore.Cli.Auditing;

namespace MuScore.Cli.Commands;

/// <summary>
/// "muscore audit ACTION": the audit log, read through a server (list) or checked in the store's
/// database (verify). The first word picks the action
/// (<see cref="IAuditAction"/>); each action accepts only its own options. Add an action by adding
/// it to <see cref="actions"/>.
/// </summary>
internal sealed class AuditCommand : ICommand
{
    private readonly IAuditAction[] actions = [new AuditVerifyAction(), new AuditListAction()];

    public string Name => "audit";

    public string Summary => "the audit log: check a store's hash chain (verify), list a server's events (list)";

    public string Usage => string.Join("\n       muscore ", actions.Select(a => a.Usage));

    public string Details => string.Join("\n\n", actions.Select(a => a.Details));

    public IReadOnlyList<OptionSpec> Options => [.. actions.SelectMany(a => a.Options).DistinctBy(o => o.Name)];

    public string Words => "ACTION";

    public IReadOnlyList<string> WordChoices => [.. actions.Select(a => a.Name)];

    public int Run(ParsedArguments args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        var names = string.Join(", ", actions.Select(a => a.Name));
        if (args.Positionals.Count == 0)
        {
            throw CommandFailure.Usage($"audit needs an action ({names})");
        }

        var action = actions.FirstOrDefault(a => a.Name == args.Positionals[0])
            ?? throw CommandFailure.Usage($"unknown audit action '{args.Positionals[0]}' (expected {names})");
        if (args.Positionals.Count > 1)
        {
            throw CommandFailure.Usage($"unexpected argument '{args.Positionals[1]}'");
        }

        // Only what the command line says is refused: MUSCORE_TOKEN set for 'list' must not break 'verify'.
        foreach (var option in Options.Where(o => args.GivenOnCommandLine(o.Name) && action.Options.All(own => own.Name != o.Name)))
        {
            throw CommandFailure.Usage($"--{option.Name} does not apply to audit {action.Name}");
        }

        return action.Run(args, console);
    }
}
