namespace MuScore.Reports;

/// <summary>A ratings source that cannot be reported on: the message names the file, row and column, or the scheme.</summary>
public sealed class ReportInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReportInputException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
