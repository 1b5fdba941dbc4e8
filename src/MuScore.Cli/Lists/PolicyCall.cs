using Google.Rpc;
using Grpc.Core;
using MuScore.Cli.Connection;
using MuScore.Cli.Publishing;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Lists;

/// <summary>
/// One PolicyService call from the command line over a <see cref="ServerConnection"/>: every
/// failure is a <see cref="CommandFailure"/> with exit code 4 and <see cref="ServerErrorText"/>'s
/// text, plus a sentence saying what a NOT_FOUND reason means for the region and year asked about.
/// </summary>
internal static class PolicyCall
{
    private const string NothingPublished = "NOTHING_PUBLISHED";
    private const string NoPolicyInForce = "NO_POLICY_IN_FORCE";

    /// <summary>Runs <paramref name="call"/> with a PolicyService client on a fresh channel to the server.</summary>
    public static async Task<T> RunAsync<T>(ReportOptions options, string step, Func<PolicyService.PolicyServiceClient, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(call);
        using var connection = ServerConnection.Open(options.Connection);
        var client = new PolicyService.PolicyServiceClient(connection.Channel);
        return await connection.CallAsync(step, () => call(client), exception => Hint(exception, options)).ConfigureAwait(false);
    }

    /// <summary>A contract breach by the server (a missing header, counts that do not add up): exit code 4.</summary>
    public static CommandFailure Broken(ReportOptions options, string step, string what) =>
        new(ExitCodes.ServerError, $"the server at {options.Connection.Server.GetLeftPart(UriPartial.Authority)} answered {step} with {what}");

    private static string Hint(RpcException exception, ReportOptions options)
    {
        if (exception.StatusCode != StatusCode.NotFound)
        {
            return string.Empty;
        }

        // The server's detail already names the region and year; the hint says what to do about it.
        return exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason switch
        {
            NothingPublished => "\n  publish the year's run first (muscore publish), or check --region and --year",
            NoPolicyInForce => FormattableString.Invariant(
                $"\n  the lists and targets need a policy's list rules in force on {options.Year}-12-31 for region {options.Region} (docs/policies.md)"),
            _ => string.Empty,
        };
    }
}
