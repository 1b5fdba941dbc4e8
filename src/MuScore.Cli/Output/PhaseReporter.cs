using System.Diagnostics;
using System.Globalization;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>
/// Progress on stderr for long runs: a line every 100,000 rows read and one per phase with the
/// elapsed time. Silent for small inputs (fewer than <see cref="Threshold"/> rows) and with --quiet,
/// so ordinary runs print only their summary.
/// </summary>
internal sealed class PhaseReporter : IProgress<LoadProgress>
{
    public const int Threshold = 100_000;
    private readonly TextWriter error;
    private readonly bool quiet;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int rows;

    public PhaseReporter(TextWriter error, bool quiet)
    {
        this.error = error;
        this.quiet = quiet;
    }

    private bool Active => !quiet && rows >= Threshold;

    /// <summary>Called by the row loader on its own thread, synchronously.</summary>
    public void Report(LoadProgress value)
    {
        var previous = rows;
        rows = value.Rows;
        if (Active && value.Rows != previous)
        {
            var percent = value.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $" ({p:0}%)") : string.Empty;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {value.Rows:N0} rows{percent}, {Elapsed}"));
        }
    }

    /// <summary>Reports a finished phase (e.g. "rated") when the run is large.</summary>
    public void Phase(string done)
    {
        if (Active)
        {
            error.WriteLine($"{done}, {Elapsed}");
        }
    }

    private string Elapsed => string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s");
}
