using Grpc.Core;
using MuScore.LoadBench.Baseline;
using MuScore.LoadBench.Client;
using MuScore.LoadBench.Common;
using MuScore.LoadBench.Setup;
using MuScore.LoadBench.Tls;
using MuScore.LoadBench.Upload;

namespace MuScore.LoadBench;

/// <summary>Dispatches the subcommands; a bad option prints the usage and exits with 2.</summary>
internal static class LoadBenchApp
{
    private const string Usage = """
        usage: MuScore.LoadBench <command> [options]

          baseline --urls URL [--response FILE] [--quote FILE] [host settings such as --Logging:LogLevel:Default=Warning]
                   [--MuScore:Tls:CertificateFile=PEM --MuScore:Tls:KeyFile=PEM for https:// URLs]
              A bare gRPC server (MuScore's Kestrel settings) whose RatingService/GetRating returns one
              fixed GetRatingResponse: the serialized one in FILE, or a realistic built-in one; with
              --quote, PolicyService/QuoteTariff returns the serialized TariffQuote in that FILE.
          setup --server URL --n N --out DIR [--region 331082] [--year 2024] [--seed 1] [--scheme zj-standard]
                [--quote false] [--billing-date today in China] [--billing-codes 0]
              Generates N enterprises, submits and publishes them through EvaluationService, prints the
              end-to-end publish time, and writes the h2load bodies and the captured GetRating response;
              with --quote true also a QuoteTariff body and answer (a D-class enterprise, QUOTED), and
              with --billing-codes N the first N codes for `billing`.
          batch --server URL --codes FILE [--n 1000] [--calls 500] [--warmup 50] [--region 331082] [--year 2024]
              Latency of sequential BatchGetRatings calls of N codes after a warm-up.
          distinct --server URL [--publish false] [--check false] [--n 100000] [--region 331082] [--year 2025] [--seed 7]
                   [--seconds 30] [--delay 1] [--connections 4] [--streams 32] [--warmup-seconds 0] [--warmup-year YEAR-1]
              GetRating over the N distinct enterprises of a generated sample in random order, CONNECTIONS x
              STREAMS calls in flight, for SECONDS; with --publish true it first submits and publishes them and
              waits DELAY seconds; --check true checks every answer is the rating asked for. First, for
              --warmup-seconds, the same load on --warmup-year (the client's JIT; not reported). Drive the
              baseline with the same options (without --publish and --check) for a like-for-like ratio.
          billing --server URL --codes FILE --region R [--n 100000] [--call-size 2500] [--parallel 1]
                  [--runs 1] [--billing-date today in China] [--label billing]
              Quotes N enterprises through QuoteTariffs calls, checks every answer, prints the wall time.
          check --server URL --body FILE --expect FILE [--rpc GetRating|QuoteTariff] [--calls 100] [--ca FILE] [--token FILE]
              Sends the request in the h2load body FILE and compares every response byte for byte; an
              https:// server must chain to the CA in --ca, and --token is sent as a bearer token.
          capture --server URL --body FILE --out FILE [--rpc GetRating|QuoteTariff] [--ca FILE] [--token FILE]
              Writes the server's serialized answer to the request in the h2load body FILE.
          tls-setup --out DIR [--regions *] [--issuer muscore] [--audience muscore] [--hours 4]
              Writes a test CA (ca.pem), a server certificate for 127.0.0.1 (server.pem, server.key.pem),
              a token signing key (issuer.public.pem) and ES256 tokens token-ratings.txt (ratings:read)
              and token-policy.txt (policy:quote) for the regions given (comma-separated prefixes).
          upload-memory --server URL --pid PID --n N [--region 331082] [--year 2024] [--seed 42] [--after 60] [--settle 5]
              Streams N generated records to the server of process PID in one SubmitRun (after a
              1,000-record warm-up upload of the year before) and prints the server's VmRSS before,
              its peak during the call (sampled, and VmHWM) and every 10 s until --after seconds after it.
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
                "distinct" => await DistinctCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "billing" => await BillingCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "check" => await CheckCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "capture" => await CaptureCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "tls-setup" => TlsSetupCommand.Run(CommandOptions.Parse(rest)),
                "upload-memory" => await UploadMemoryCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
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
