using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MuScore.Server.Diagnostics;

/// <summary>
/// The wall time of each step of one SubmitRun (read, history, rating, compaction, store), for
/// the Debug line that says where a large upload's time goes (bench/publish-1m.sh prints it).
/// </summary>
internal sealed class UploadSteps
{
    private readonly StringBuilder text = new();
    private readonly long started = Stopwatch.GetTimestamp();
    private long mark;

    public UploadSteps() => mark = started;

    /// <summary>Ends the current step under <paramref name="step"/>'s name and starts the next.</summary>
    public void Done(string step)
    {
        var now = Stopwatch.GetTimestamp();
        text.Append(CultureInfo.InvariantCulture, $"{step} {Stopwatch.GetElapsedTime(mark, now).TotalMilliseconds:F0} ms, ");
        mark = now;
    }

    /// <summary>Every step so far and the total, e.g. "read 2100 ms, rate 900 ms, total 3000 ms".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{text}total {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
}
