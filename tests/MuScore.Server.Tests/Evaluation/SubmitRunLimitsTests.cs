using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Evaluation;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Evaluation;

/// <summary>The limits on one SubmitRun (records, bytes) and on uploads at once (per caller, in total).</summary>
public sealed class SubmitRunLimitsTests
{
    [Fact]
    public async Task SubmitRun_MoreRecordsThanTheLimit_ResourceExhaustedNamingTheLimit()
    {
        await using var server = await Start(("MaxRecordsPerRun", "5"));
        var region = Regions.Next();

        var exactly = await Runs.SubmitAsync(server.Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024, count: 5));
        var error = await Limits.Exhausted(() => Runs.SubmitRawAsync(server.Evaluation, Messages(region, 2024, Records.Sample(region, 2024, count: 6))));

        Assert.Equal(5, exactly.RecordCount);
        Limits.Names(error, "TOO_MANY_RECORDS", "MuScore:Limits:MaxRecordsPerRun", "5");
    }

    [Fact]
    public async Task SubmitRun_TooManyRecordsThenARepeatedHeader_TheEarlierRecordErrorWins()
    {
        // Records are checked on a second task while later messages arrive: errors must still come in stream order.
        await using var server = await Start(("MaxRecordsPerRun", "5"));
        var region = Regions.Next();
        List<SubmitRunRequest> messages = [.. Messages(region, 2024, Records.Sample(region, 2024, count: 6)), new SubmitRunRequest { Header = Runs.Header(region, 2024) }];

        var error = await Limits.Exhausted(() => Runs.SubmitRawAsync(server.Evaluation, messages));

        Limits.Names(error, "TOO_MANY_RECORDS", "MuScore:Limits:MaxRecordsPerRun", "5");
    }

    [Fact]
    public async Task SubmitRun_TooManyRecordsWhileTheClientKeepsTheStreamOpen_AnsweredWithoutWaitingForMore()
    {
        await using var server = await Start(("MaxRecordsPerRun", "5"));
        var region = Regions.Next();
        using var call = server.Evaluation.SubmitRun();
        foreach (var message in Messages(region, 2024, Records.Sample(region, 2024, count: 6)))
        {
            await call.RequestStream.WriteAsync(message);
        }

        // Neither another message nor the end of the stream comes: the record check must stop the reading itself.
        var error = await Limits.Exhausted(() => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(60)));

        Limits.Names(error, "TOO_MANY_RECORDS", "MuScore:Limits:MaxRecordsPerRun", "5");
    }

    [Fact]
    public async Task SubmitRun_MessagesOfExactlyMaxRunBytes_Accepted_OneByteMore_ResourceExhausted()
    {
        var region = Regions.Next();
        var messages = Messages(region, 2024, Records.Sample(region, 2024, count: 40));
        var bytes = messages.Sum(m => (long)m.CalculateSize());
        await using var exact = await Start(("MaxRunBytes", $"{bytes}"));
        await using var under = await Start(("MaxRunBytes", $"{bytes - 1}"));

        var accepted = await Runs.SubmitRawAsync(exact.Evaluation, messages);
        var error = await Limits.Exhausted(() => Runs.SubmitRawAsync(under.Evaluation, messages));

        Assert.Equal(40, accepted.Run.RecordCount);
        Limits.Names(error, "RUN_TOO_LARGE", "MuScore:Limits:MaxRunBytes", $"{bytes - 1}");
    }

    [Fact]
    public async Task SubmitRun_OverTheBytes_EndsTheCallWhileTheClientIsStillSending()
    {
        await using var server = await Start(("MaxRunBytes", "100000"));
        var region = Regions.Next();
        using var call = server.Evaluation.SubmitRun();
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = Runs.Header(region, 2024) });

        // 100 batches of 100 records are about 2 MB; the server answers after the first 100 KB and stops reading.
        var batch = new SubmitRunRequest { Batch = new RecordBatch { Records = { Records.Sample(region, 2024, count: 100) } } };
        var sent = 0;
        var refused = false;
        for (; sent < 100 && !call.ResponseAsync.IsCompleted; sent++)
        {
            try
            {
                await call.RequestStream.WriteAsync(batch);
            }
            catch (Grpc.Core.RpcException)
            {
                refused = true;
                break;
            }
        }

        var error = await Limits.Exhausted(() => call.ResponseAsync);

        Limits.Names(error, "RUN_TOO_LARGE", "MuScore:Limits:MaxRunBytes", "100000");
        Assert.True(refused || sent < 100, $"the client could send all {sent} batches: the server did not stop the call");
    }

    [Fact]
    public async Task SubmitRun_SecondUploadOfTheSameCaller_RefusedAtOnce_ThenAdmittedWhenTheFirstEnds()
    {
        await using var server = await Start(("MaxConcurrentUploadsPerCaller", "1"), ("MaxConcurrentUploads", "10"));
        var region = Regions.Next();
        using var first = server.Evaluation.SubmitRun();
        await first.RequestStream.WriteAsync(new SubmitRunRequest { Header = Runs.Header(region, 2024) });
        await UntilRunning(server, 1);

        var error = await Limits.Exhausted(() => Runs.SubmitRawAsync(server.Evaluation, Messages(region, 2023, Records.Sample(region, 2023, count: 3))));
        await first.RequestStream.WriteAsync(new SubmitRunRequest { Batch = new RecordBatch { Records = { Records.Sample(region, 2024, count: 3) } } });
        await first.RequestStream.CompleteAsync();
        var firstRun = (await first.ResponseAsync).Run;
        var later = await Runs.SubmitAsync(server.Evaluation, Runs.Header(region, 2023), Records.Sample(region, 2023, count: 3));

        Limits.Names(error, "TOO_MANY_UPLOADS", "MuScore:Limits:MaxConcurrentUploadsPerCaller", "1");
        Assert.Contains("anonymous", error.Quota.Violations[0].Subject, StringComparison.Ordinal);
        Assert.Equal(3, firstRun.RecordCount);
        Assert.Equal(3, later.RecordCount);
    }

    [Fact]
    public async Task SubmitRun_OverTheServerTotal_RefusedNamingTheTotal()
    {
        await using var server = await Start(("MaxConcurrentUploadsPerCaller", "10"), ("MaxConcurrentUploads", "2"));
        var region = Regions.Next();
        using var first = server.Evaluation.SubmitRun();
        using var second = server.Evaluation.SubmitRun();
        await first.RequestStream.WriteAsync(new SubmitRunRequest { Header = Runs.Header(region, 2024) });
        await second.RequestStream.WriteAsync(new SubmitRunRequest { Header = Runs.Header(region, 2023) });
        await UntilRunning(server, 2);

        var error = await Limits.Exhausted(() => Runs.SubmitRawAsync(server.Evaluation, Messages(region, 2022, Records.Sample(region, 2022, count: 3))));

        Limits.Names(error, "TOO_MANY_UPLOADS", "MuScore:Limits:MaxConcurrentUploads", "2");
        Assert.Equal("the server", error.Quota.Violations[0].Subject);
    }

    [Fact]
    public async Task SubmitRun_FailedAndRefusedUploads_LeaveNoUploadRunning()
    {
        await using var server = await Start(("MaxRecordsPerRun", "2"));
        var region = Regions.Next();

        await Limits.Exhausted(() => Runs.SubmitRawAsync(server.Evaluation, Messages(region, 2024, Records.Sample(region, 2024, count: 3))));
        await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(server.Evaluation, [new SubmitRunRequest()]));
        await Runs.SubmitAsync(server.Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024, count: 2));

        await UntilRunning(server, 0);
    }

    private static Task<ServerInstance> Start(params (string Key, string Value)[] limits) =>
        ServerInstance.StartAsync(new ServerSettings
        {
            Configuration = limits.ToDictionary(l => $"MuScore:Limits:{l.Key}", l => (string?)l.Value),
        });

    private static List<SubmitRunRequest> Messages(string region, int year, List<EnterpriseRecord> records) =>
        [new SubmitRunRequest { Header = Runs.Header(region, year) }, .. records.Chunk(10).Select(c => new SubmitRunRequest { Batch = new RecordBatch { Records = { c } } })];

    // The handler enters the gate as it starts: wait until the server has seen the open calls.
    private static async Task UntilRunning(ServerInstance server, int uploads)
    {
        var gate = server.Services.GetRequiredService<UploadGate>();
        for (var i = 0; i < 200 && gate.Running != uploads; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(uploads, gate.Running);
    }
}
