using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Core.Sampling;
using MuScore.LoadBench.Baseline;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Setup;

/// <summary>The hot code and the sizes `setup` reports; the captured quote when one was asked for.</summary>
internal readonly record struct PreparedLoad(string HotCode, int ResponseBytes, int BuiltinBytes, CapturedQuote? Quote);

/// <summary>What `setup` prepares for the policy load: the billing date of the captured quote (null: no quote) and how many codes billing-codes.txt gets.</summary>
internal readonly record struct PolicyLoad(string? BillingDate, int BillingCodes);

/// <summary>
/// Files the load runs read, written into one folder:
/// getrating.bin (h2load body: GetRating of one hot code), getrating-response.bin (the real
/// server's serialized answer to it: the baseline returns exactly these bytes, and `check` and
/// run.sh compare against it), batch-1000.bin (h2load body: BatchGetRatings of the first 1,000
/// codes), codes.txt (up to 10,000 published codes, for `batch`); for the policy load also
/// quotetariff.bin and quotetariff-response.bin (<see cref="QuoteCapture"/>) and billing-codes.txt
/// (the first published codes, for `billing`).
/// </summary>
internal static class LoadFiles
{
    private const int BatchCodes = 1_000;
    private const int CodesKept = 10_000;

    public static async Task<PreparedLoad> WriteAsync(GrpcChannel channel, SampleOptions sample, List<string> codes, string folder, PolicyLoad policy)
    {
        var ratings = new RatingService.RatingServiceClient(channel);
        var region = sample.Regions[0];
        var batchRequest = new BatchGetRatingsRequest { Region = region, Year = sample.Year };
        batchRequest.CreditCodes.Add(codes.Take(BatchCodes));
        var batch = await ratings.BatchGetRatingsAsync(batchRequest, deadline: DateTime.UtcNow.AddMinutes(1)).ConfigureAwait(false);

        // The hot code is a RATED enterprise with the most items: a full-size answer, not an EXCLUDED stub.
        var hot = batch.Entries
            .Where(e => e.Rating is { Status: RatingStatus.Rated })
            .OrderByDescending(e => e.Rating.Items.Count)
            .FirstOrDefault()
            ?? throw new BenchFailure(Text($"none of the first {batchRequest.CreditCodes.Count} codes has a RATED published rating"));

        var request = new GetRatingRequest { CreditCode = hot.CreditCode, Region = region, Year = sample.Year };
        var response = await ratings.GetRatingAsync(request, deadline: DateTime.UtcNow.AddMinutes(1)).ConfigureAwait(false);
        if (!response.Rating.Equals(hot.Rating))
        {
            throw new BenchFailure(Text($"GetRating and BatchGetRatings disagree about {hot.CreditCode}"));
        }

        var builtin = RealisticRating.Response().CalculateSize();
        await File.WriteAllBytesAsync(Path.Combine(folder, "getrating.bin"), GrpcBody.Frame(request)).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(folder, "getrating-response.bin"), Google.Protobuf.MessageExtensions.ToByteArray(response)).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(folder, "batch-1000.bin"), GrpcBody.Frame(batchRequest)).ConfigureAwait(false);
        await File.WriteAllLinesAsync(Path.Combine(folder, "codes.txt"), codes.Take(CodesKept)).ConfigureAwait(false);

        Console.WriteLine(Text($"hot code {hot.CreditCode}: class {response.Rating.RatingClass}, {response.Rating.Items.Count} items; real GetRatingResponse {response.CalculateSize()} bytes, built-in realistic one {builtin} bytes"));
        Console.WriteLine(Text($"wrote getrating.bin, getrating-response.bin, batch-1000.bin and codes.txt ({Math.Min(codes.Count, CodesKept)} codes) to {folder}"));

        CapturedQuote? quote = policy.BillingDate is { } date
            ? await QuoteCapture.WriteAsync(channel, batch.Entries, region, date, folder).ConfigureAwait(false)
            : null;
        if (policy.BillingCodes > 0)
        {
            if (codes.Count < policy.BillingCodes)
            {
                throw new BenchFailure(Text($"--billing-codes {policy.BillingCodes} exceeds the {codes.Count} enterprises published"));
            }

            await File.WriteAllLinesAsync(Path.Combine(folder, "billing-codes.txt"), codes.Take(policy.BillingCodes)).ConfigureAwait(false);
            Console.WriteLine(Text($"wrote billing-codes.txt ({policy.BillingCodes} codes)"));
        }

        return new PreparedLoad(hot.CreditCode, response.CalculateSize(), builtin, quote);
    }
}
