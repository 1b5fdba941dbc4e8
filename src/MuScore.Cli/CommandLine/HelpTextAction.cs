using System.CommandLine;
using System.CommandLine.Invocation;

namespace MuScore.Cli.CommandLine;

/// <summary>"--help", "-h" or "-?" on any verb: that verb's page of <see cref="HelpText"/>, or the general page at the root.</summary>
internal sealed class HelpTextAction(CommandTree tree) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var verb = tree.VerbOf(parseResult);
        parseResult.InvocationConfiguration.Output.Write(verb is null ? HelpText.General(tree.Commands) : HelpText.ForCommand(verb));
        return ExitCodes.Success;
    }
}
