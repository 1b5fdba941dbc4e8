namespace MuScore.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, messages and progress to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error);
