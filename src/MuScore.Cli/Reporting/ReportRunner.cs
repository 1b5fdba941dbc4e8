using System.Globalization;
using System.Text;
using MuScore.Cli.Commands;
using MuScore.Cli.Connection;
using MuScore.Cli.Output;
using MuScore.Core.Schemes;
using MuScore.Reports;

namespace MuScore.Cli.Reporting;

/// <summary>
/// The report flow: read this year's ratings (and last year's), compute the content, write one
/// self-contained HTML file under a temporary name moved into place at the end, print one line.
/// </summary>
internal static class ReportRunner
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<int> RunAsync(ReportOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var scheme = options.SchemeFile is { } file ? SchemeSource.Load(file) : null;
        var (current, previous) = options.Source switch
        {
            FileRatingsSource files => (ReadFile(files.Ratings, scheme), files.Previous is { } p ? ReadFile(p, scheme) : null),
            ServerRatingsSource server => await ReadServerAsync(server, scheme, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException("unknown ratings source"),
        };
        if (previous is not null && previous.Year >= current.Year)
        {
            throw CommandFailure.BadInput(FormattableString.Invariant($"the previous ratings are of {previous.Year}, not of a year before {current.Year}"));
        }

        var content = ReportContent.Build(current, previous);
        var html = HtmlReport.Render(content, options.Language);
        Write(options.Output, html);
        console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"report: {current.Enterprises.Count} rated enterprises of {current.Year} in {current.Pools.Count} pool(s){(content.Comparison is { } c ? $", {c.Moves.Count} changed class since {c.PreviousYear}" : string.Empty)}; written to {options.Output}"));
        return ExitCodes.Success;
    }

    private static RatingSet ReadFile(string path, Scheme? scheme)
    {
        if (!File.Exists(path))
        {
            throw CommandFailure.BadInput($"ratings file '{path}' does not exist");
        }

        try
        {
            return RatingsCsvReader.Read(path, scheme);
        }
        catch (ReportInputException exception)
        {
            throw CommandFailure.BadInput(exception.Message);
        }
    }

    private static async Task<(RatingSet Current, RatingSet? Previous)> ReadServerAsync(ServerRatingsSource source, Scheme? scheme, CancellationToken cancellationToken)
    {
        using var connection = ServerConnection.Open(source.Connection);
        var current = await PublicationReader.ReadAsync(connection, source.Region, source.Year, scheme, cancellationToken).ConfigureAwait(false);
        var previous = source.PreviousYear is { } year
            ? await PublicationReader.ReadAsync(connection, source.Region, year, scheme, cancellationToken).ConfigureAwait(false)
            : null;
        return (current, previous);
    }

    private static void Write(string output, string html)
    {
        var path = Path.GetFullPath(output);
        using var files = new OutputFiles(Path.GetDirectoryName(path)!);
        using (var stream = files.Create(Path.GetFileName(path)))
        {
            var bytes = Utf8.GetBytes(html);
            stream.Write(bytes);
        }

        files.Commit();
    }
}
