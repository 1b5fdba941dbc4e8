using System.Globalization;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Setup;

/// <summary>The QuoteTariff answer `setup` captured: the enterprise, the date and the answer's size.</summary>
internal readonly record struct CapturedQuote(string Code, string BillingDate, int ResponseBytes);

/// <summary>
/// Captures the QuoteTariff load's request and the real server's answer to it: electricity for a
/// D-class enterprise of the published region on the billing date, with a metered quantity, so the
/// answer is QUOTED with every candidate row and an amount (the most expensive realistic answer).
/// Writes quotetariff.bin (h2load body) and quotetariff-response.bin (the serialized TariffQuote the
/// baseline returns and `check` compares with).
/// </summary>
internal static class QuoteCapture
{
    /// <summary>The metered kWh of every quote: a month of a mid-sized plant, with a fraction so the decimal parsing and rounding to 分 do work.</summary>
    public const string Quantity = "125000.5";

    /// <summary>Today in China Standard Time (UTC+08:00): a publication made today is in force on it (docs/policy-service.md).</summary>
    public static string TodayInChina() =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static QuoteTariffRequest Request(string code, string region, string billingDate) => new()
    {
        CreditCode = code,
        Region = region,
        Utility = Utility.Electricity,
        BillingDate = billingDate,
        Quantity = Quantity,
    };

    public static async Task<CapturedQuote> WriteAsync(GrpcChannel channel, IEnumerable<BatchEntry> published, string region, string billingDate, string folder)
    {
        var classD = published.FirstOrDefault(e => e.Rating is { Status: RatingStatus.Rated, RatingClass: RatingClass.D })
            ?? throw new BenchFailure(Text($"none of the codes read back from region {region} is rated D"));
        var request = Request(classD.CreditCode, region, billingDate);
        var policies = new PolicyService.PolicyServiceClient(channel);
        var quote = await policies.QuoteTariffAsync(request, deadline: DateTime.UtcNow.AddMinutes(1)).ConfigureAwait(false);
        if (quote.Status != QuoteStatus.Quoted || quote.Candidates.Count == 0 || quote.RatingClass != RatingClass.D || quote.Rating?.RunId != classD.Rating.RunId)
        {
            throw new BenchFailure(Text($"QuoteTariff of {classD.CreditCode} (class D) in region {region} on {billingDate} should be QUOTED from the publication just made, with candidates; got {quote}. The region needs an electricity policy in force (e.g. 37xxxx, shandong-2022)"));
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, "quotetariff.bin"), GrpcBody.Frame(request)).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(folder, "quotetariff-response.bin"), Google.Protobuf.MessageExtensions.ToByteArray(quote)).ConfigureAwait(false);
        Console.WriteLine(Text($"quote code {classD.CreditCode} on {billingDate}: {quote.Status}, {quote.SurchargePerUnit} {quote.Unit}, amount {quote.Amount}, {quote.Candidates.Count} candidates; real TariffQuote {quote.CalculateSize()} bytes"));
        return new CapturedQuote(classD.CreditCode, billingDate, quote.CalculateSize());
    }
}
