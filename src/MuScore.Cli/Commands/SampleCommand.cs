using System.Globalization;
using MuScore.Cli.Arguments;
using MuScore.Cli.Output;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.Ingest;

namespace MuScore.Cli.Commands;

/// <summary>"muscore sample": writes a synthetic county table (CSV, or .xlsx by extension) from a seed.</summary>
internal sealed class SampleCommand : ICommand
{
    public string Name => "sample";

    public string Summary => "write a synthetic enterprise table, the same for the same seed";

    public string Usage => "sample --n N --seed S --out FILE [--year Y] [--bad-rate R] [--chinese-headers] [--regions CODE,...]";

    public string Details =>
        "FILE ending in .xlsx gives a workbook, anything else UTF-8 CSV. --bad-rate mixes in exactly\n" +
        "floor(N x R) bad rows of every kind (bad check character, missing tax, negative tax, '1,234',\n" +
        "unknown boolean, impossible date, unknown scale, land 0, blank line, duplicate credit code).";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Value("n", "N", "number of data rows", required: true),
        OptionSpec.Value("seed", "S", "generator seed (any 64-bit integer)", required: true),
        OptionSpec.Value("out", "FILE", "output file (.csv or .xlsx)", required: true),
        OptionSpec.Value("year", "Y", "evaluated year the figures describe (default 2024)"),
        OptionSpec.Value("bad-rate", "R", "share of bad rows, 0 to 1 (default 0)"),
        OptionSpec.Flag("chinese-headers", "Chinese headers with units, and 规上/规下, 是/否 in the cells"),
        OptionSpec.Value("regions", "CODE,...", "region codes to spread enterprises over (default 331082,330603,320803)"),
    ];

    public int Run(ParsedArguments args, CliConsole console)
    {
        if (args.Positionals.Count > 0)
        {
            throw CommandFailure.Usage($"unexpected argument '{args.Positionals[0]}'");
        }

        var options = new SampleOptions
        {
            Count = (int)args.Integer("n", 0, XlsxTableWriter.MaxRows * 100L)!.Value,
            Seed = args.Integer("seed", long.MinValue, long.MaxValue)!.Value,
            Year = (int)(args.Integer("year", 1901, 9999) ?? 2024),
            BadRowRate = args.Number("bad-rate", 0, 1) ?? 0,
            ChineseHeaders = args.Has("chinese-headers"),
            Regions = args.Value("regions") is { } regions ? regions.Split(',', StringSplitOptions.TrimEntries) : SampleOptions.DefaultRegions,
        };
        if (options.Validate() is { } problem)
        {
            throw CommandFailure.Usage(problem);
        }

        var path = args.Value("out")!;
        var xlsx = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (xlsx && options.Count > XlsxTableWriter.MaxRows)
        {
            throw CommandFailure.Usage(string.Create(CultureInfo.InvariantCulture, $"an .xlsx sheet holds at most {XlsxTableWriter.MaxRows:N0} rows; write CSV instead"));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using (var files = new OutputFiles(directory))
        {
            Write(files.Create(Path.GetFileName(path)), options, xlsx);
            files.Commit();
        }

        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {options.Count:N0} rows to {path}"));
        return ExitCodes.Success;
    }

    private static void Write(Stream stream, SampleOptions options, bool xlsx)
    {
        var headers = SampleGenerator.Headers(options.ChineseHeaders);
        if (xlsx)
        {
            var kinds = FieldCatalog.All.Select(f => f.Kind == FieldKind.Number ? XlsxColumnKind.Number : XlsxColumnKind.Text).ToArray();
            using var writer = new XlsxTableWriter(stream, headers, kinds);
            foreach (var cells in SampleGenerator.Generate(options))
            {
                writer.WriteRow(new ReadOnlySpan<string?>(cells));
            }
        }
        else
        {
            using var writer = new CsvTableWriter(stream, headers);
            foreach (var cells in SampleGenerator.Generate(options))
            {
                writer.WriteRow(new ReadOnlySpan<string?>(cells));
            }
        }
    }
}
