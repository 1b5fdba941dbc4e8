using System.Diagnostics;
using Google.Protobuf.Collections;
using MuScore.Contracts.V1;
using MuScore.Core.Sampling;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Setup;

/// <summary>How long SubmitRun and PublishRun took, seen from the client.</summary>
internal readonly record struct PublishTiming(TimeSpan Submit, TimeSpan Publish, int Version)
{
    public TimeSpan Total => Submit + Publish;
}

/// <summary>Uploads the batches with SubmitRun, publishes the draft, and times both.</summary>
internal static class PublishTimer
{
    public static async Task<PublishTiming> RunAsync(Grpc.Net.Client.GrpcChannel channel, SampleOptions sample, string scheme, List<RecordBatch> batches)
    {
        var evaluation = new EvaluationService.EvaluationServiceClient(channel);
        var deadline = DateTime.UtcNow.AddMinutes(30);
        var clock = Stopwatch.StartNew();
        Run run;
        using (var call = evaluation.SubmitRun(deadline: deadline))
        {
            var header = new RunHeader { Region = sample.Regions[0], Year = sample.Year, SchemeName = scheme };
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = header }).ConfigureAwait(false);
            foreach (var batch in batches)
            {
                await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch }).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            run = (await call.ResponseAsync.ConfigureAwait(false)).Run;
        }

        var submitted = clock.Elapsed;
        var publication = (await evaluation.PublishRunAsync(new PublishRunRequest { RunId = run.RunId }, deadline: deadline).ConfigureAwait(false)).Publication;
        var total = clock.Elapsed;

        Console.WriteLine(Text($"run {run.RunId}: {run.RecordCount} records, {run.RatedCount} rated, {run.ExcludedCount} excluded, {run.RejectedCount} rejected; pools {Pools(run.Pools)}"));
        Console.WriteLine(Text($"published version {publication.Version} of {publication.Region}/{publication.Year}"));
        Console.WriteLine(Text($"SubmitRun {submitted.TotalSeconds:F3} s + PublishRun {(total - submitted).TotalSeconds:F3} s = {total.TotalSeconds:F3} s end to end"));
        if (run.RejectedCount != 0 || run.RecordCount != batches.Sum(b => b.Records.Count))
        {
            throw new BenchFailure(Text($"the server counted {run.RecordCount} records with {run.RejectedCount} rejected; expected every record accepted"));
        }

        return new PublishTiming(submitted, total - submitted, publication.Version);
    }

    private static string Pools(RepeatedField<PoolCounts> pools) =>
        string.Join(", ", pools.Select(p => Text($"{p.Pool} {p.Size} (A {p.A} B {p.B} C {p.C} D {p.D})")));
}
