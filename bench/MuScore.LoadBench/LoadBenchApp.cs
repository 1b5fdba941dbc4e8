using Grpc.Core;
using MuScore.LoadBench.Baseline;
using MuScore.LoadBench.Client;
using MuScore.LoadBench.Common;
using MuScore.LoadBench.Setup;

namespace MuScore.LoadBench;

/// <summary>Dispatches the subcommands; a bad option prints the usage and exits with 2.</summary>
internal static class LoadBenchApp
{
    private const string Usage = """
        usage: MuScore.LoadBench <command> [options]

          baseline --urls URL [--response FILE] [host settings such as --Logging:LogLevel:Default=Warning]
              A bare gRPC server (MuScore's Kestrel settings) whose RatingService/GetRating returns one
              fixed GetRatingResponse: the serialized one in FILE, or a realistic built-in one.
          setup --server URL --n N --out DIR [--region 331082] [--year 2024] [--seed 1] [--scheme zj-standard]
              Generates N enterprises, submits and publishes them through EvaluationService, prints the
              end-to-end publish time, and writes the h2load bodies and the captured GetRating response.
          batch --server URL --codes FILE [--n 1000] [--calls 500] [--warmup 50] [--region 331082] [--year 2024]
              Latency of sequential BatchGetRatings calls of N codes after a warm-up.
          check --server URL --body FILE --expect FILE [--calls 100]
              Sends the GetRating request in the h2load body FILE and compares every response byte for byte.
          free-port
              Prints a free TCP port on 127.0.0.1.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            var rest = args[1..];
            return args[0] switch
            {
                "baseline" => await BaselineServer.RunAsync(rest).ConfigureAwait(false),
                "setup" => await SetupCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "batch" => await BatchCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "check" => await CheckCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "free-port" => FreePort.Print(),
                _ => throw new OptionException($"unknown command '{args[0]}'"),
            };
        }
        catch (OptionException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}\n\n{Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (BenchFailure e)
        {
            await Console.Error.WriteLineAsync($"FAILED: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (RpcException e)
        {
            await Console.Error.WriteLineAsync($"FAILED: gRPC call ended with {e.StatusCode}: {e.Status.Detail}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
