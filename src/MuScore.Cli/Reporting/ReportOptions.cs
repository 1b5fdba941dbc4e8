using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Reports;

namespace MuScore.Cli.Reporting;

/// <summary>Where "muscore report" reads a year's ratings: a ratings.csv, or a server's publication.</summary>
internal abstract record RatingsSource;

/// <summary>ratings.csv files written by "muscore rate".</summary>
/// <param name="Ratings">This year's file.</param>
/// <param name="Previous">Last year's file, if any.</param>
internal sealed record FileRatingsSource(string Ratings, string? Previous) : RatingsSource;

/// <summary>The newest publication of a region and year, read with ListRatings.</summary>
/// <param name="Connection">Server and credentials.</param>
/// <param name="Region">Six-digit region.</param>
/// <param name="Year">This year.</param>
/// <param name="PreviousYear">The year to compare with, if any.</param>
internal sealed record ServerRatingsSource(ConnectionOptions Connection, string Region, int Year, int? PreviousYear) : RatingsSource;

/// <summary>The checked options of "muscore report".</summary>
/// <param name="Source">Where the ratings come from.</param>
/// <param name="Output">The HTML file to write.</param>
/// <param name="Language">Chinese (default) or English.</param>
/// <param name="SchemeFile">The scheme file the ratings were rated with, when it is not a preset.</param>
internal sealed record ReportOptions(RatingsSource Source, string Output, ReportLanguage Language, string? SchemeFile)
{
    /// <summary>The options, for the current parser.</summary>
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        OptionSpec.Value("ratings", "FILE", "this year's ratings.csv (from muscore rate)"),
        OptionSpec.Value("previous", "FILE", "last year's ratings.csv, for the year-over-year comparison"),
        OptionSpec.Value("server", "URL", "read a publication from this MuScore server instead of --ratings"),
        OptionSpec.Value("region", "CODE", "with --server: the 6-digit region"),
        OptionSpec.Value("year", "YYYY", "with --server: the evaluated year; its newest publication is read"),
        OptionSpec.Value("previous-year", "YYYY", "with --server: the year to compare with"),
        OptionSpec.Value("out", "FILE", "the HTML file to write (replaced if it exists)", required: true),
        OptionSpec.Value("lang", "zh|en", "the report's language (default zh)"),
        OptionSpec.Value("scheme", "FILE", "the scheme file the ratings were rated with, when not a preset"),
        .. ConnectionOptions.CredentialSpecs,
    ];

    /// <exception cref="CommandFailure">A value is malformed or the options do not go together (exit code 2, with usage).</exception>
    public static ReportOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ServerArguments.NoPositionals(args);
        var output = args.Value("out")!;
        if (output.Length == 0 || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(output))
        {
            throw CommandFailure.Usage($"--out '{output}' is not a file name");
        }

        var language = args.Value("lang")?.ToUpperInvariant() switch
        {
            null or "ZH" => ReportLanguage.Chinese,
            "EN" => ReportLanguage.English,
            _ => throw CommandFailure.Usage($"--lang '{args.Value("lang")}' is not zh or en"),
        };
        return new ReportOptions(SourceFrom(args), output, language, args.Value("scheme"));
    }

    private static RatingsSource SourceFrom(ParsedArguments args)
    {
        var ratings = args.Value("ratings");
        var fromServer = args.Has("server");
        if ((ratings is null) == !fromServer)
        {
            throw CommandFailure.Usage("give either --ratings FILE or --server URL with --region and --year");
        }

        if (ratings is not null)
        {
            foreach (var serverOnly in new[] { "region", "year", "previous-year" })
            {
                if (args.Has(serverOnly))
                {
                    throw CommandFailure.Usage($"--{serverOnly} goes with --server, not with --ratings");
                }
            }

            return new FileRatingsSource(ratings, args.Value("previous"));
        }

        if (args.Has("previous"))
        {
            throw CommandFailure.Usage("--previous goes with --ratings; with --server give --previous-year");
        }

        if (!args.Has("region") || !args.Has("year"))
        {
            throw CommandFailure.Usage("--server needs --region and --year");
        }

        var year = ServerArguments.Year(args);
        var previousYear = (int?)args.Integer("previous-year", ServerArguments.MinYear, ServerArguments.MaxYear);
        if (previousYear >= year)
        {
            throw CommandFailure.Usage($"--previous-year {previousYear} is not before --year {year}");
        }

        return new ServerRatingsSource(ConnectionOptions.From(args), ServerArguments.Region(args), year, previousYear);
    }
}
