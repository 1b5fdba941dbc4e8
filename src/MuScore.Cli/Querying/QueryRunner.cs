using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Cli.Connection;

namespace MuScore.Cli.Querying;

/// <summary>One call of get, quote, land-check or subsidy over a fresh <see cref="ServerConnection"/>.</summary>
internal static class QueryRunner
{
    /// <summary>
    /// Runs <paramref name="call"/>; a failure is exit code 4 with the server's status and reason,
    /// except NOT_FOUND when <paramref name="notFoundHint"/> is given: that is the answer "no such
    /// rating", exit code 6, with the hint after the server's reason.
    /// </summary>
    /// <exception cref="CommandFailure">The call failed.</exception>
    public static T Call<T>(ConnectionOptions options, string step, Func<GrpcChannel, Task<T>> call, string? notFoundHint = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var connection = ServerConnection.Open(options);
        var notFound = false;
        try
        {
            // The command line is synchronous; nothing here captures a synchronization context.
            return connection.CallAsync(step, () => call(connection.Channel), exception =>
            {
                notFound = exception.StatusCode == StatusCode.NotFound && notFoundHint is not null;
                return notFound ? "\n  " + notFoundHint : string.Empty;
            }).GetAwaiter().GetResult();
        }
        catch (CommandFailure failure) when (notFound)
        {
            throw new CommandFailure(ExitCodes.NoAnswer, failure.Message);
        }
    }
}
