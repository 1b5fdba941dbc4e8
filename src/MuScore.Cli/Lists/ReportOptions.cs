using MuScore.Cli.Arguments;
using MuScore.Core.Records;

namespace MuScore.Cli.Lists;

/// <summary>The file kind a report is written as.</summary>
internal enum ReportFormat
{
    /// <summary>UTF-8 CSV with a byte-order mark, as ratings.csv.</summary>
    Csv,

    /// <summary>A one-sheet .xlsx, numeric columns stored as numbers.</summary>
    Xlsx,
}

/// <summary>The checked options of "muscore lists" and "muscore summary": which server, region and year, and where to write.</summary>
internal sealed record ReportOptions(Uri Server, string Region, int Year, string Output, ReportFormat Format)
{
    // The server's year range (docs/service.md), checked here so that a typo is exit 2, not a round trip.
    private const int MinYear = 1990;
    private const int MaxYear = 2100;

    /// <summary>The options both commands take; <paramref name="outHelp"/> says what the file holds.</summary>
    public static IReadOnlyList<OptionSpec> Specs(string outHelp) =>
    [
        OptionSpec.Value("server", "URL", "the MuScore server, e.g. http://127.0.0.1:5080", required: true),
        OptionSpec.Value("region", "CODE", "the 6-digit region", required: true),
        OptionSpec.Value("year", "YYYY", "the evaluated year (1990..2100); its newest publication is read", required: true),
        OptionSpec.Value("out", "FILE", outHelp, required: true),
        OptionSpec.Value("format", "csv|xlsx", "file kind (default: xlsx when FILE ends in .xlsx, else csv)"),
    ];

    /// <exception cref="CommandFailure">A value is malformed (exit code 2, with usage).</exception>
    public static ReportOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Positionals.Count > 0)
        {
            throw CommandFailure.Usage($"unexpected argument '{args.Positionals[0]}'");
        }

        var server = args.Value("server")!;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw CommandFailure.Usage($"--server '{server}' is not an http:// or https:// URL (e.g. http://127.0.0.1:5080)");
        }

        var region = args.Value("region")!;
        if (!CellParsers.IsRegion(region))
        {
            throw CommandFailure.Usage($"--region '{region}' is not a 6-digit region code");
        }

        var year = (int)args.Integer("year", MinYear, MaxYear)!.Value;
        var output = args.Value("out")!;
        if (output.Length == 0 || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(output))
        {
            throw CommandFailure.Usage($"--out '{output}' is not a file name");
        }

        return new ReportOptions(uri, region, year, output, ParseFormat(args.Value("format"), output));
    }

    private static ReportFormat ParseFormat(string? text, string output) => text?.ToUpperInvariant() switch
    {
        null => output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Xlsx : ReportFormat.Csv,
        "CSV" => ReportFormat.Csv,
        "XLSX" => ReportFormat.Xlsx,
        _ => throw CommandFailure.Usage($"--format '{text}' is not csv or xlsx"),
    };
}
