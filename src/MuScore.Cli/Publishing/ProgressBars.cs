using System.Globalization;
using Spectre.Console;

namespace MuScore.Cli.Publishing;

/// <summary>
/// Publish's long steps (rows checked, records sent) as Spectre.Console progress bars on a
/// terminal: one bar per step, its share of the input file read, with the count and the time.
/// </summary>
internal sealed class ProgressBars
{
    private readonly ProgressContext context;
    private readonly Dictionary<string, ProgressTask> bars = new(StringComparer.Ordinal);

    private ProgressBars(ProgressContext context) => this.context = context;

    /// <summary>Runs <paramref name="work"/> with bars drawn on <paramref name="terminal"/>; the bars stay when it ends.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole terminal, Func<ProgressBars, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(work);
        return terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => work(new ProgressBars(context)));
    }

    /// <summary>The step <paramref name="verb"/> ("sent") has reached <paramref name="count"/> <paramref name="noun"/> at byte <paramref name="position"/> of <paramref name="length"/>.</summary>
    public void Update(string verb, string noun, int count, long position, long length)
    {
        if (!bars.TryGetValue(verb, out var bar))
        {
            bar = context.AddTask(verb, maxValue: Math.Max(1, length));
            bars[verb] = bar;
        }

        bar.Description = string.Create(CultureInfo.InvariantCulture, $"{verb} {count:N0} {noun}");
        bar.Value = Math.Min(position, bar.MaxValue);
    }

    /// <summary>Every bar to its end: the steps are done.</summary>
    public void Complete()
    {
        foreach (var bar in bars.Values)
        {
            bar.Value = bar.MaxValue;
        }
    }
}
