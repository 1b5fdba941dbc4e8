namespace MuScore.Cli.Output;

/// <summary>What summary.json and the console say about a run besides the engine's figures.</summary>
/// <param name="InputFileName">The input file's name without its directory.</param>
/// <param name="InputFormat">The reader's format label, e.g. "csv-utf8" or "xlsx".</param>
/// <param name="OutputFiles">The files written, in the order written.</param>
internal sealed record RunDescription(string InputFileName, string InputFormat, IReadOnlyList<string> OutputFiles);
