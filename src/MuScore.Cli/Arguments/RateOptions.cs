using MuScore.Cli.AnnualRun;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Cli.Arguments;

/// <summary>The checked options of "muscore rate".</summary>
internal sealed record RateOptions(
    string Input,
    string Scheme,
    string? Region,
    int Year,
    IReadOnlyList<string> History,
    string OutputDirectory,
    bool Strict,
    CsvEncoding Encoding,
    bool Quiet,
    RateFormats Formats = RateFormats.All)
{
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        OptionSpec.Value("input", "FILE", "the enterprise table: .csv (UTF-8 or GB18030) or .xlsx, English or Chinese headers", required: true),
        OptionSpec.Value("scheme", "NAME|FILE", "a preset (see 'muscore schemes') or a scheme JSON file", required: true),
        OptionSpec.Value("region", "CODE|all", "the 6-digit region to rate; rows of other regions are EXCLUDED other_region; 'all' rates every region", required: true),
        OptionSpec.Value("year", "YYYY", "the evaluated year", required: true),
        OptionSpec.Values("history", "FILE", "earlier years' ratings.csv/.xlsx, for consecutive_d_years"),
        OptionSpec.Value("out", "DIR", "directory for ratings.csv, ratings.xlsx, errors.csv, summary.json (created if missing)", required: true),
        OptionSpec.Flag("strict", "stop at the first INVALID row: exit code 3, nothing written"),
        OptionSpec.Value("encoding", "auto|utf-8|gb18030", "CSV text encoding (default auto: a byte-order mark, else UTF-8 if valid, else GB18030)"),
        OptionSpec.Flag("quiet", "no summary on stdout and no progress on stderr"),
        OptionSpec.Value("formats", "csv[,xlsx]", "outputs to write: csv is ratings.csv, errors.csv and summary.json; xlsx adds ratings.xlsx (default csv,xlsx)"),
    ];

    /// <exception cref="CommandFailure">A value is malformed (exit code 2).</exception>
    public static RateOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Positionals.Count > 0)
        {
            throw CommandFailure.Usage($"unexpected argument '{args.Positionals[0]}'");
        }

        var region = args.Value("region")!;
        if (region != "all" && !CellParsers.IsRegion(region))
        {
            throw CommandFailure.Usage($"--region '{region}' is not a 6-digit region code or 'all'");
        }

        var encoding = (args.Value("encoding") ?? "auto").ToUpperInvariant() switch
        {
            "AUTO" => CsvEncoding.Auto,
            "UTF-8" or "UTF8" => CsvEncoding.Utf8,
            "GB18030" or "GBK" => CsvEncoding.Gb18030,
            _ => throw CommandFailure.Usage($"--encoding '{args.Value("encoding")}' is not auto, utf-8 or gb18030"),
        };

        var formats = RateFormats.All;
        if (args.Value("formats") is { } formatsText)
        {
            formats = RateFormatsText.Parse(formatsText, out var problem) ?? throw CommandFailure.Usage(problem!);
        }

        return new RateOptions(
            args.Value("input")!,
            args.Value("scheme")!,
            region == "all" ? null : region,
            (int)args.Integer("year", 1901, 9999)!.Value,
            args.Values("history"),
            args.Value("out")!,
            args.Has("strict"),
            encoding,
            args.Has("quiet"),
            formats);
    }
}
