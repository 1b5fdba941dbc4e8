namespace MuScore.LoadBench.Common;

/// <summary>Process exit codes: run.sh stops on anything but <see cref="Ok"/>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A response was wrong, a call failed, or a target check failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;
}
