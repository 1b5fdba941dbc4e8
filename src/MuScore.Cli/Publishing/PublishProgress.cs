using System.Diagnostics;
using System.Globalization;
using MuScore.Cli.Output;

namespace MuScore.Cli.Publishing;

/// <summary>
/// Progress of a publish on stderr, in the style of <see cref="PhaseReporter"/>: a line every
/// 100,000 rows checked or sent and one per phase with the elapsed time, silent for inputs of
/// fewer than <see cref="PhaseReporter.Threshold"/> rows.
/// </summary>
internal sealed class PublishProgress(TextWriter error)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int rows;
    private string stepVerb = string.Empty;
    private int stepBucket;

    /// <summary>A file this large reports its upload like a table of <see cref="PhaseReporter.Threshold"/> rows (about 20 MB).</summary>
    private const long LargeFile = 16L * 1024 * 1024;

    private int lastTenth;

    private bool Active => rows >= PhaseReporter.Threshold;

    /// <summary>Progress bars on a terminal while they are drawn; the lines are held back meanwhile, as they would tear the bars.</summary>
    public ProgressBars? Bars { get; set; }

    private string Elapsed => string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.0} s");

    /// <summary>First pass: <paramref name="count"/> rows read and checked.</summary>
    public void Checked(int count, long position, long length) => Step("checked", "rows", count, position, length);

    /// <summary>Second pass: <paramref name="count"/> records sent.</summary>
    public void Sent(int count, long position, long length) => Step("sent", "records", count, position, length);

    /// <summary>A table upload: <paramref name="sent"/> bytes of the file's <paramref name="length"/> sent; a line every tenth of a large file.</summary>
    public void Uploaded(long sent, long length)
    {
        if (length >= LargeFile)
        {
            rows = Math.Max(rows, PhaseReporter.Threshold);
        }

        var mib = (int)(sent >> 20);
        if (Bars is { } bars)
        {
            bars.Update("sent", "MiB", mib, sent, length);
            return;
        }

        var tenth = length > 0 ? (int)(10 * sent / length) : 0;
        if (Active && tenth > lastTenth)
        {
            lastTenth = tenth;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {mib:N0} MiB ({100.0 * sent / length:0}%), {Elapsed}"));
        }
    }

    /// <summary>A finished phase (e.g. "the server rated the run") when the input is large.</summary>
    public void Phase(string done)
    {
        if (Active)
        {
            error.WriteLine($"{done}, {Elapsed}");
        }
    }

    private void Step(string verb, string noun, int count, long position, long length)
    {
        rows = Math.Max(rows, count);
        if (Bars is { } bars)
        {
            bars.Update(verb, noun, count, position, length);
            return;
        }

        // Batches need not end on a multiple of the threshold: report each time one is passed.
        var bucket = count / PhaseReporter.Threshold;
        if (verb != stepVerb)
        {
            (stepVerb, stepBucket) = (verb, 0);
        }

        if (Active && bucket > stepBucket)
        {
            stepBucket = bucket;
            var percent = length > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({Math.Min(100.0, 100.0 * position / length):0}%)") : string.Empty;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb} {count:N0} {noun}{percent}, {Elapsed}"));
        }
    }
}
