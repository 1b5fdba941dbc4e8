using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Evaluation;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Evaluation;

/// <summary>The limits of one SubmitRun hold for a table upload: its data rows are the records, its messages the bytes.</summary>
public sealed class SubmitRunTableLimitsTests
{
    [Fact]
    public async Task SubmitRun_TableOfMoreRowsThanTheLimit_ResourceExhaustedNamingTheLimit()
    {
        await using var server = await Start(("MaxRecordsPerRun", "5"));
        var region = Regions.Next();
        var header = Runs.Header(region, 2024);

        var exactly = await TableParts.SubmitAsync(server.Evaluation, header, TableParts.Utf8(TableParts.Csv(Records.Sample(region, 2024, count: 5))));
        var error = await Limits.Exhausted(() => Runs.SubmitRawAsync(server.Evaluation, TableParts.Messages(header, TableParts.Utf8(TableParts.Csv(Records.Sample(region, 2024, count: 6))), 100)));

        Assert.Equal(5, exactly.RecordCount);
        Limits.Names(error, "TOO_MANY_RECORDS", "MuScore:Limits:MaxRecordsPerRun", "5");
    }

    [Fact]
    public async Task SubmitRun_TableOfTooManyRows_EndsTheCallWhileTheClientIsStillSending()
    {
        // Rows are checked as the reader's blocks of 4,096 are done: the call ends long before 12 MB have been sent.
        await using var server = await Start(("MaxRecordsPerRun", "5"));
        var region = Regions.Next();
        var file = TableParts.Utf8(TableParts.Csv(Records.Sample(region, 2024, count: 60_000)));
        using var call = server.Evaluation.SubmitRun();
        var messages = TableParts.Messages(Runs.Header(region, 2024), file, 64 * 1024);
        var sent = 0;
        for (; sent < messages.Count && !call.ResponseAsync.IsCompleted; sent++)
        {
            try
            {
                await call.RequestStream.WriteAsync(messages[sent]);
            }
            catch (Grpc.Core.RpcException)
            {
                break;
            }
        }

        var error = await Limits.Exhausted(() => call.ResponseAsync);

        Limits.Names(error, "TOO_MANY_RECORDS", "MuScore:Limits:MaxRecordsPerRun", "5");
        Assert.True(sent < messages.Count, $"the client could send all {sent} parts: the server did not stop the call");
    }

    [Fact]
    public async Task SubmitRun_TablePartsOfExactlyMaxRunBytes_Accepted_OneByteMore_ResourceExhausted()
    {
        var region = Regions.Next();
        var messages = TableParts.Messages(Runs.Header(region, 2024), TableParts.Utf8(TableParts.Csv(Records.Sample(region, 2024, count: 40))), 1000);
        var bytes = messages.Sum(m => (long)m.CalculateSize());
        await using var exact = await Start(("MaxRunBytes", $"{bytes}"));
        await using var under = await Start(("MaxRunBytes", $"{bytes - 1}"));

        var accepted = await Runs.SubmitRawAsync(exact.Evaluation, messages);
        var error = await Limits.Exhausted(() => Runs.SubmitRawAsync(under.Evaluation, messages));

        Assert.Equal(40, accepted.Run.RecordCount);
        Limits.Names(error, "RUN_TOO_LARGE", "MuScore:Limits:MaxRunBytes", $"{bytes - 1}");
    }

    [Fact]
    public async Task SubmitRun_TableOverTheBytes_EndsTheCallWhileTheClientIsStillSending()
    {
        await using var server = await Start(("MaxRunBytes", "100000"));
        var region = Regions.Next();
        var file = TableParts.Utf8(TableParts.Csv(Records.Sample(region, 2024, count: 5000)));
        using var call = server.Evaluation.SubmitRun();
        var messages = TableParts.Messages(Runs.Header(region, 2024), file, 10_000);
        var sent = 0;
        var refused = false;
        for (; sent < messages.Count && !call.ResponseAsync.IsCompleted; sent++)
        {
            try
            {
                await call.RequestStream.WriteAsync(messages[sent]);
            }
            catch (Grpc.Core.RpcException)
            {
                refused = true;
                break;
            }
        }

        var error = await Limits.Exhausted(() => call.ResponseAsync);

        Limits.Names(error, "RUN_TOO_LARGE", "MuScore:Limits:MaxRunBytes", "100000");
        Assert.True(refused || sent < messages.Count, $"the client could send all {sent} parts: the server did not stop the call");
    }

    [Fact]
    public async Task SubmitRun_ClientCancelsMidFile_TheUploadSlotIsFreed()
    {
        await using var server = await Start(("MaxConcurrentUploadsPerCaller", "1"));
        var region = Regions.Next();
        var file = TableParts.Utf8(TableParts.Csv(Records.Sample(region, 2024, count: 50)));
        var messages = TableParts.Messages(Runs.Header(region, 2024), file, 1000);
        using (var cancel = new CancellationTokenSource())
        {
            using var call = server.Evaluation.SubmitRun(cancellationToken: cancel.Token);
            foreach (var message in messages.Take(3))
            {
                await call.RequestStream.WriteAsync(message);
            }

            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => call.ResponseAsync);
        }

        // The one slot of this caller is free again: a whole upload goes through.
        Run? run = null;
        for (var i = 0; i < 200 && run is null; i++)
        {
            try
            {
                run = (await Runs.SubmitRawAsync(server.Evaluation, messages)).Run;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.ResourceExhausted)
            {
                await Task.Delay(25);
            }
        }

        Assert.Equal(50, run?.RecordCount);
    }

    [Fact]
    public async Task SubmitRun_SecondTableUploadOfTheSameCaller_RefusedAtOnceNamingTheLimit()
    {
        await using var server = await Start(("MaxConcurrentUploadsPerCaller", "1"), ("MaxConcurrentUploads", "10"));
        var region = Regions.Next();
        var file = TableParts.Utf8(TableParts.Csv(Records.Sample(region, 2024, count: 3)));
        using var first = server.Evaluation.SubmitRun();
        await first.RequestStream.WriteAsync(new SubmitRunRequest { Header = Runs.Header(region, 2024) });
        var gate = server.Services.GetRequiredService<UploadGate>();
        for (var i = 0; i < 200 && gate.Running != 1; i++)
        {
            await Task.Delay(25);
        }

        var error = await Limits.Exhausted(() => Runs.SubmitRawAsync(server.Evaluation, TableParts.Messages(Runs.Header(region, 2023), file, 100)));
        foreach (var part in TableParts.Messages(Runs.Header(region, 2024), file, 100).Skip(1))
        {
            await first.RequestStream.WriteAsync(part);
        }

        await first.RequestStream.CompleteAsync();

        Limits.Names(error, "TOO_MANY_UPLOADS", "MuScore:Limits:MaxConcurrentUploadsPerCaller", "1");
        Assert.Equal(3, (await first.ResponseAsync).Run.RecordCount);
    }

    private static Task<ServerInstance> Start(params (string Key, string Value)[] limits) =>
        ServerInstance.StartAsync(new ServerSettings
        {
            Configuration = limits.ToDictionary(l => $"MuScore:Limits:{l.Key}", l => (string?)l.Value),
        });
}
