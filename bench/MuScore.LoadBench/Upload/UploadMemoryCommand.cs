using System.Diagnostics;
using MuScore.Contracts.V1;
using MuScore.Core.Sampling;
using MuScore.LoadBench.Common;
using MuScore.LoadBench.Setup;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Upload;

/// <summary>
/// The server's memory around one large SubmitRun (issue 8 part 5): the server runs as its own
/// process (PID given), this client streams N generated records to it and reads the server's
/// /proc status before, during (sampled, plus VmHWM) and for <c>--after</c> seconds after the call.
/// </summary>
internal static class UploadMemoryCommand
{
    private const int WarmUpRecords = 1_000;

    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server();
        var pid = options.Int("pid");
        var sample = new SampleOptions
        {
            Count = options.Int("n", max: 20_000_000),
            Seed = options.Int("seed", 42),
            Year = options.Int("year", 2024, 1990, 2100),
            Regions = [options.Text("region", "331082")],
        };
        var after = options.Int("after", 60, min: 0);
        var settle = options.Int("settle", 5, min: 0);
        using var channel = Channels.Open(server);
        var evaluation = new EvaluationService.EvaluationServiceClient(channel);

        // A small upload of another year first, so that "before" already includes the JIT-compiled
        // upload path, the connection and the store's first writes: what is left is the upload's own cost.
        await SubmitAsync(evaluation, sample with { Count = WarmUpRecords, Year = sample.Year - 1 }).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(settle)).ConfigureAwait(false);
        var before = MemoryReading.Of(pid);
        Console.WriteLine(Text($"before:  VmRSS {MemoryReading.Mib(before.RssKib)} MiB, VmHWM {MemoryReading.Mib(before.HwmKib)} MiB (after a {WarmUpRecords}-record warm-up upload and {settle} s idle)"));

        Run run;
        TimeSpan elapsed;
        long sampledPeak;
        using (var sampler = new MemorySampler(pid))
        {
            var clock = Stopwatch.StartNew();
            run = await SubmitAsync(evaluation, sample).ConfigureAwait(false);
            elapsed = clock.Elapsed;
            sampledPeak = sampler.Stop();
        }

        var end = MemoryReading.Of(pid);
        Console.WriteLine(Text($"upload:  {run.RecordCount} records in {elapsed.TotalSeconds:F1} s: {run.RatedCount} rated, {run.ExcludedCount} excluded, {run.RejectedCount} rejected"));
        Console.WriteLine(Text($"during:  VmRSS peak sampled every 50 ms {MemoryReading.Mib(sampledPeak)} MiB, VmHWM {MemoryReading.Mib(end.HwmKib)} MiB, VmRSS at the reply {MemoryReading.Mib(end.RssKib)} MiB"));
        if (run.RecordCount != sample.Count)
        {
            throw new BenchFailure(Text($"the server counted {run.RecordCount} records, not {sample.Count}"));
        }

        var clockAfter = Stopwatch.StartNew();
        for (var second = 10; second <= after; second += 10)
        {
            await Task.Delay(TimeSpan.FromSeconds(second) - clockAfter.Elapsed).ConfigureAwait(false);
            Console.WriteLine(Text($"after {second,3} s: VmRSS {MemoryReading.Mib(MemoryReading.Of(pid).RssKib)} MiB"));
        }

        var final = MemoryReading.Of(pid);
        var peak = Math.Max(sampledPeak, end.HwmKib);
        Console.WriteLine(Text($"RESULT upload-memory n={sample.Count} seconds={elapsed.TotalSeconds:F1} before_mib={MemoryReading.Mib(before.RssKib)} peak_mib={MemoryReading.Mib(peak)} after_{after}s_mib={MemoryReading.Mib(final.RssKib)} returned_to_within_mib={MemoryReading.Mib(final.RssKib - before.RssKib)}"));
        return ExitCodes.Ok;
    }

    /// <summary>Streams the header and the generated records in batches, generating each batch just before it is sent.</summary>
    private static async Task<Run> SubmitAsync(EvaluationService.EvaluationServiceClient evaluation, SampleOptions sample)
    {
        using var call = evaluation.SubmitRun(deadline: DateTime.UtcNow.AddMinutes(30));
        var header = new RunHeader { Region = sample.Regions[0], Year = sample.Year, SchemeName = "zj-standard" };
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = header }).ConfigureAwait(false);
        foreach (var batch in SampleRecords.Lazily(sample))
        {
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch }).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return (await call.ResponseAsync.ConfigureAwait(false)).Run;
    }
}
