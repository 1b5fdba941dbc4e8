namespace MuScore.LoadBench.Common;

/// <summary>A missing, unknown or malformed command-line option.</summary>
internal sealed class OptionException : Exception
{
    public OptionException()
    {
    }

    public OptionException(string message)
        : base(message)
    {
    }

    public OptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
