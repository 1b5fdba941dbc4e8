using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;

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
internal sealed record ReportOptions(ConnectionOptions Connection, string Region, int Year, string Output, ReportFormat Format)
{
    /// <summary>The options both commands take; <paramref name="outHelp"/> says what the file holds.</summary>
    public static IReadOnlyList<OptionSpec> Specs(string outHelp) =>
    [
        ConnectionOptions.ServerSpec,
        OptionSpec.Value("region", "CODE", "the 6-digit region", required: true),
        OptionSpec.Value("year", "YYYY", "the evaluated year (1990..2100); its newest publication is read", required: true),
        OptionSpec.Value("out", "FILE", outHelp, required: true),
        OptionSpec.Value("format", "csv|xlsx", "file kind (default: xlsx when FILE ends in .xlsx, else csv)"),
        .. ConnectionOptions.CredentialSpecs,
    ];

    /// <exception cref="CommandFailure">A value is malformed (exit code 2, with usage).</exception>
    public static ReportOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ServerArguments.NoPositionals(args);
        var connection = ConnectionOptions.From(args);
        var region = ServerArguments.Region(args);

        var year = ServerArguments.Year(args);
        var output = args.Value("out")!;
        if (output.Length == 0 || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(output))
        {
            throw CommandFailure.Usage($"--out '{output}' is not a file name");
        }

        return new ReportOptions(connection, region, year, output, ParseFormat(args.Value("format"), output));
    }

    private static ReportFormat ParseFormat(string? text, string output) => text?.ToUpperInvariant() switch
    {
        null => output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Xlsx : ReportFormat.Csv,
        "CSV" => ReportFormat.Csv,
        "XLSX" => ReportFormat.Xlsx,
        _ => throw CommandFailure.Usage($"--format '{text}' is not csv or xlsx"),
    };
}
