using Spectre.Console;

namespace MuScore.Cli.AnnualRun;

/// <summary>
/// Progress bars for the long steps of a rate run, drawn with Spectre.Console on standard error.
/// Only for a terminal: redirected or with --quiet a run prints no progress at all.
/// </summary>
internal sealed class RateProgressBars : IProgress<RateStepProgress>
{
    private static readonly string[] Descriptions = ["read", "rate", "write csv", "write xlsx"];

    // Reports come from the reading thread and from both writer threads.
    private readonly Lock gate = new();
    private readonly ProgressTask?[] tasks = new ProgressTask?[Descriptions.Length];
    private readonly ProgressContext context;

    private RateProgressBars(ProgressContext context) => this.context = context;

    /// <summary>Whether bars are drawn: a terminal on standard error, and not --quiet.</summary>
    public static bool Wanted(TextWriter error, bool quiet) =>
        !quiet && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with bars on standard error; its result is returned, its exception thrown.</summary>
    public static T Show<T>(Func<IProgress<RateStepProgress>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new RateProgressBars(context)));
    }

    public void Report(RateStepProgress value)
    {
        lock (gate)
        {
            var task = tasks[(int)value.Step] ??= context.AddTask(Descriptions[(int)value.Step]);
            if (value.Total <= 0)
            {
                task.IsIndeterminate = true;
                return;
            }

            task.IsIndeterminate = false;
            task.MaxValue = value.Total;
            task.Value = Math.Min(value.Done, value.Total);
            if (value.Done >= value.Total)
            {
                task.StopTask(); // its elapsed time stops with the step
            }
        }
    }
}
