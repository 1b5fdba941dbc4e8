using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Core.Records;
using MuScore.Core.Sampling;

namespace MuScore.Drills;

/// <summary>Generated runs (the sample generator's rows) submitted and published through the real API.</summary>
internal static class SampleRuns
{
    private const int BatchSize = 1_000;

    public static GrpcChannel Channel(Uri server) =>
        GrpcChannel.ForAddress(server, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });

    /// <summary>The codes of the sample of <paramref name="count"/> enterprises with <paramref name="seed"/>.</summary>
    public static List<string> Codes(string region, int year, int count, int seed) =>
        [.. Records(region, year, count, seed).Select(r => r.CreditCode)];

    /// <summary>Submits the sample as a draft run; returns its id.</summary>
    public static async Task<string> SubmitAsync(GrpcChannel channel, string region, int year, int count, int seed, CancellationToken cancellationToken)
    {
        var evaluation = new EvaluationService.EvaluationServiceClient(channel);
        using var call = evaluation.SubmitRun(deadline: DateTime.UtcNow.AddMinutes(5), cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = new RunHeader { Region = region, Year = year, SchemeName = "zj-standard" } }, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in Records(region, year, count, seed).Chunk(BatchSize))
        {
            var batch = new RecordBatch();
            batch.Records.AddRange(chunk);
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch }, cancellationToken).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return (await call.ResponseAsync.ConfigureAwait(false)).Run.RunId;
    }

    public static async Task<Publication> PublishAsync(GrpcChannel channel, string runId, CancellationToken cancellationToken)
    {
        var evaluation = new EvaluationService.EvaluationServiceClient(channel);
        var response = await evaluation.PublishRunAsync(new PublishRunRequest { RunId = runId, Reason = "drill" }, deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Publication;
    }

    /// <summary>Submits and publishes; the status code of the first call that failed, or OK with the publication.</summary>
    public static async Task<(StatusCode Status, Publication? Publication)> TrySubmitAndPublishAsync(
        GrpcChannel channel, string region, int year, int count, int seed, CancellationToken cancellationToken)
    {
        try
        {
            var runId = await SubmitAsync(channel, region, year, count, seed, cancellationToken).ConfigureAwait(false);
            return (StatusCode.OK, await PublishAsync(channel, runId, cancellationToken).ConfigureAwait(false));
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, null);
        }
    }

    private static IEnumerable<Contracts.V1.EnterpriseRecord> Records(string region, int year, int count, int seed) =>
        SampleGenerator.Generate(new SampleOptions { Count = count, Seed = seed, Year = year, Regions = [region] })
            .Select(cells => EnterpriseRecordFields.FromCells(field => cells[(int)field]));
}
