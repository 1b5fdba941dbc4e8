namespace MuScore.LoadBench.Common;

/// <summary>A wrong answer or a failed precondition of a measurement: the run must stop, not report numbers.</summary>
internal sealed class BenchFailure : Exception
{
    public BenchFailure()
    {
    }

    public BenchFailure(string message)
        : base(message)
    {
    }

    public BenchFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
