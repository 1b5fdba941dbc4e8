using System.Diagnostics;
using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Core.Sampling;
using MuScore.LoadBench.Common;

namespace MuScore.LoadBench.Setup;

/// <summary>
/// Publishes a generated region through the real API and prepares the load: generate N enterprises
/// (before the clock starts), SubmitRun + PublishRun timed from the client's first byte to the
/// PublishRun reply, then the h2load bodies and the real GetRating response the baseline copies
/// (with <c>--quote true</c> also a real QuoteTariff answer, with <c>--billing-codes N</c> N codes to bill).
/// </summary>
internal static class SetupCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server();
        var sample = new SampleOptions
        {
            Count = options.Int("n", max: 2_000_000),
            Seed = options.Int("seed", 1),
            Year = options.Int("year", 2024, 1990, 2100),
            Regions = [options.Text("region", "331082")],
        };
        var scheme = options.Text("scheme", "zj-standard");
        var policy = new PolicyLoad(
            options.Flag("quote") ? options.Text("billing-date", QuoteCapture.TodayInChina()) : null,
            options.Int("billing-codes", 0, min: 0));
        var output = Directory.CreateDirectory(options.Text("out")).FullName;

        var clock = Stopwatch.StartNew();
        var codes = new List<string>(sample.Count);
        var batches = SampleRecords.Batches(sample, codes);
        Console.WriteLine(Text($"generated {codes.Count} enterprises of region {sample.Regions[0]}, {sample.Year} in {clock.Elapsed.TotalSeconds:F2} s (not timed below)"));

        using var channel = Channels.Open(server);
        var published = await PublishTimer.RunAsync(channel, sample, scheme, batches).ConfigureAwait(false);
        batches.Clear();

        var prepared = await LoadFiles.WriteAsync(channel, sample, codes, output, policy).ConfigureAwait(false);
        Console.WriteLine(Text($"RESULT publish n={codes.Count} submit_s={published.Submit.TotalSeconds:F3} publish_s={published.Publish.TotalSeconds:F3} total_s={published.Total.TotalSeconds:F3} version={published.Version}"));
        var quote = prepared.Quote is { } q ? Text($" quote_code={q.Code} quote_bytes={q.ResponseBytes} billing_date={q.BillingDate} quantity={QuoteCapture.Quantity}") : " quote_bytes=0";
        Console.WriteLine(Text($"RESULT capture code={prepared.HotCode} response_bytes={prepared.ResponseBytes} builtin_bytes={prepared.BuiltinBytes}{quote}"));
        return ExitCodes.Ok;
    }

    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
