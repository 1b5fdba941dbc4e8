using Grpc.Core;
using MuScore.Contracts.V1;

namespace MuScore.Server.Tests.Support;

/// <summary>Submitting and publishing runs through the real client.</summary>
internal static class Runs
{
    public static RunHeader Header(string region, int year, string scheme = "zj-standard") =>
        new() { Region = region, Year = year, SchemeName = scheme };

    /// <summary>Streams the header, then the records in batches (batchSize 1 sends single-record messages).</summary>
    public static async Task<Run> SubmitAsync(EvaluationService.EvaluationServiceClient client, RunHeader header, IEnumerable<EnterpriseRecord> records, int batchSize = 100)
    {
        using var call = client.SubmitRun();
        try
        {
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = header });
            foreach (var chunk in records.Chunk(batchSize))
            {
                var message = chunk.Length == 1 && batchSize == 1
                    ? new SubmitRunRequest { Record = chunk[0] }
                    : new SubmitRunRequest { Batch = new RecordBatch { Records = { chunk } } };
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // A server that refuses early (no credential, a foreign region) ends the call while the
            // client may still be writing; the write then fails with CANCELLED. The server's own
            // status is the response's, read below.
        }

        return (await call.ResponseAsync).Run;
    }

    /// <summary>Streams raw messages as given (for malformed streams) and returns the response.</summary>
    public static async Task<SubmitRunResponse> SubmitRawAsync(EvaluationService.EvaluationServiceClient client, IEnumerable<SubmitRunRequest> messages)
    {
        using var call = client.SubmitRun();
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Grpc.Core.RpcException)
        {
            // The server may end the call before the client has written everything; its status comes from the response.
        }

        return await call.ResponseAsync;
    }

    /// <summary>Submits and publishes; returns the run as stored and its publication.</summary>
    public static async Task<(Run Run, Publication Publication)> PublishAsync(EvaluationService.EvaluationServiceClient client, RunHeader header, IEnumerable<EnterpriseRecord> records)
    {
        var run = await SubmitAsync(client, header, records);
        var published = await client.PublishRunAsync(new PublishRunRequest { RunId = run.RunId });
        return (run, published.Publication);
    }
}
