using MuScore.Cli.Commands;
using MuScore.Contracts.V1;
using MuScore.Core.Schemes;

namespace MuScore.Cli.Publishing;

/// <summary>The first SubmitRun message: region, year and the scheme, by preset name or as inline JSON.</summary>
internal static class RunHeaderBuilder
{
    /// <summary>
    /// A preset goes by name; a file goes as its JSON text, after the same validation as for
    /// <c>rate</c>, so that a bad scheme file fails here (exit 2, every error with its JSON path)
    /// before the server is contacted.
    /// </summary>
    /// <exception cref="CommandFailure">Neither a preset nor a valid scheme file (exit code 2).</exception>
    public static RunHeader Build(PublishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var header = new RunHeader { Region = options.Region, Year = options.Year };
        if (SchemePresets.TryGet(options.Scheme, out _))
        {
            header.SchemeName = options.Scheme;
            return header;
        }

        _ = SchemeSource.Load(options.Scheme);
        header.SchemeJson = File.ReadAllText(options.Scheme);
        return header;
    }
}
