using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Ingest;

namespace MuScore.Cli.Publishing;

/// <summary>The checked options of "muscore publish".</summary>
internal sealed record PublishOptions(
    ConnectionOptions Connection,
    string Input,
    string Scheme,
    string Region,
    int Year,
    CsvEncoding Encoding,
    int BatchSize,
    bool Publish,
    int ShownRejected,
    string? Reason)
{
    /// <summary>Records per SubmitRun message unless --batch says otherwise.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>Rejected rows printed unless --show-rejected says otherwise.</summary>
    public const int DefaultShownRejected = 10;

    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        ConnectionOptions.ServerSpec,
        OptionSpec.Value("input", "FILE", "the enterprise table: .csv (UTF-8 or GB18030) or .xlsx, English or Chinese headers", required: true),
        OptionSpec.Value("scheme", "NAME|FILE", "a preset (see 'muscore schemes') or a scheme JSON file, sent inline", required: true),
        OptionSpec.Value("region", "CODE", "the 6-digit region rated; the server rejects rows of other regions (other_region)", required: true),
        OptionSpec.Value("year", "YYYY", "the evaluated year (1990..2100)", required: true),
        OptionSpec.Value("encoding", "auto|utf-8|gb18030", "CSV text encoding (default auto, detected by the server as rate does; a named one is read here and sent as records)"),
        OptionSpec.Value("batch", "N", "records per upload message when rows go as records: .xlsx, --encoding (default 1000, 1..10000)"),
        OptionSpec.Flag("no-publish", "upload and rate as a draft run only; do not publish it"),
        PublishRunOptions.ReasonSpec,
        OptionSpec.Value("show-rejected", "N", "rejected rows to print (default 10; 0 prints only the count)"),
        .. ConnectionOptions.CredentialSpecs,
    ];

    /// <exception cref="CommandFailure">A value is malformed (exit code 2).</exception>
    public static PublishOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ServerArguments.NoPositionals(args);
        var connection = ConnectionOptions.From(args);
        var region = ServerArguments.Region(args);

        return new PublishOptions(
            connection,
            args.Value("input")!,
            args.Value("scheme")!,
            region,
            ServerArguments.Year(args),
            ParseEncoding(args.Value("encoding")),
            (int)(args.Integer("batch", 1, 10_000) ?? DefaultBatchSize),
            !args.Has("no-publish"),
            (int)(args.Integer("show-rejected", 0, int.MaxValue) ?? DefaultShownRejected),
            PublishRunOptions.ReasonOf(args));
    }

    private static CsvEncoding ParseEncoding(string? text) => (text ?? "auto").ToUpperInvariant() switch
    {
        "AUTO" => CsvEncoding.Auto,
        "UTF-8" or "UTF8" => CsvEncoding.Utf8,
        "GB18030" or "GBK" => CsvEncoding.Gb18030,
        _ => throw CommandFailure.Usage($"--encoding '{text}' is not auto, utf-8 or gb18030"),
    };
}
