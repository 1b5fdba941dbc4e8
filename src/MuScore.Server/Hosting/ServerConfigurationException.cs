namespace MuScore.Server.Hosting;

/// <summary>
/// A setting that stops the server at start: the message names the setting and what to do, and
/// <c>Program</c> and <c>muscore serve</c> print it as one line instead of a stack trace.
/// </summary>
public sealed class ServerConfigurationException : Exception
{
    /// <summary>Creates the exception with the message to print.</summary>
    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message to print and the failure behind it.</summary>
    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception (serialisation-free; required by the analyzers' exception pattern).</summary>
    public ServerConfigurationException()
    {
    }
}
