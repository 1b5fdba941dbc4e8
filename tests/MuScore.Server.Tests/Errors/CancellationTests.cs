using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Evaluation;
using MuScore.Server.Tests.Policies;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Errors;

/// <summary>
/// Calls whose client cancels or whose deadline passes while the server is mid-stream, on every
/// kind of streaming RPC. The server must end each as CANCELLED or DEADLINE_EXCEEDED (its
/// <c>CallEnded</c> debug line says which) and never log an unexpected failure.
/// </summary>
public sealed class CancellationTests : IAsyncLifetime
{
    // Enough rows that the answer cannot sit in the transport's buffers: the server is still writing.
    private const int Listed = 3_000;

    private ServerInstance? server;

    private ServerInstance Server => server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => server = await ServerInstance.StartAsync(new ServerSettings
    {
        Configuration = new Dictionary<string, string?> { ["Logging:LogLevel:MuScore"] = "Debug" },
    });

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task SubmitRun_ClientCancelsMidStream_EndedAsCancelled()
    {
        var logs = CapturedLogs.Of(Server);
        var region = Regions.Next();
        using var cancel = new CancellationTokenSource();
        using var call = Server.Evaluation.SubmitRun(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = Runs.Header(region, 2024) });
        await call.RequestStream.WriteAsync(Batch(region));
        await UntilUploading();

        await cancel.CancelAsync();
        var client = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, client.StatusCode);
        await AssertEnded(logs, "SubmitRun", "CANCELLED");
        Assert.Equal(0, Server.Services.GetRequiredService<UploadGate>().Running);
    }

    [Fact]
    public async Task SubmitRun_DeadlinePassesMidStream_ServerAnswersDeadlineExceeded()
    {
        // A raw client: a generated one ends the call itself at its deadline, before the server would.
        var logs = CapturedLogs.Of(Server);
        var region = Regions.Next();
        var header = RawGrpc.Frame(new SubmitRunRequest { Header = Runs.Header(region, 2024) }.ToByteArray());
        var batch = RawGrpc.Frame(Batch(region).ToByteArray());

        var reply = await RawGrpc.CallHeldOpenAsync(Server.Address, "/muscore.v1.EvaluationService/SubmitRun", TimeSpan.FromMilliseconds(500), header, batch);

        Assert.Equal(StatusCode.DeadlineExceeded, reply.Status);
        await AssertEnded(logs, "SubmitRun", "DEADLINE_EXCEEDED");
    }

    [Fact]
    public async Task SubmitRun_ClientDeadlinePassesMidStream_DeadlineExceeded()
    {
        var logs = CapturedLogs.Of(Server);
        var region = Regions.Next();
        var batch = Batch(region);
        using var call = Server.Evaluation.SubmitRun(deadline: DateTime.UtcNow.AddSeconds(3));
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = Runs.Header(region, 2024) });
        await call.RequestStream.WriteAsync(batch);

        var client = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, client.StatusCode);
        await AssertEnded(logs, "SubmitRun", "CANCELLED", "DEADLINE_EXCEEDED");
    }

    [Fact]
    public async Task ListRatings_ReaderTooSlowForTheDeadline_DeadlineExceeded()
    {
        var region = await PublishedRegionAsync();
        var logs = CapturedLogs.Of(Server);
        using var call = Server.Ratings.ListRatings(new ListRatingsRequest { Region = region, Year = 2024 }, deadline: DateTime.UtcNow.AddMilliseconds(500));

        var client = await Assert.ThrowsAsync<RpcException>(() => ReadSlowlyAsync(call.ResponseStream));

        Assert.Equal(StatusCode.DeadlineExceeded, client.StatusCode);
        await AssertEnded(logs, "ListRatings", "CANCELLED", "DEADLINE_EXCEEDED");
    }

    [Fact]
    public async Task ListRatings_DeadlinePassesWhileTheServerWrites_DeadlineExceededOrCancelledNeverInternal()
    {
        // The issue's case: the server's own deadline cuts the stream off mid-write. It used to be
        // logged as INTERNAL ("Writing is not allowed after writer was completed") or reset.
        var region = await PublishedRegionAsync();
        var logs = CapturedLogs.Of(Server);
        var request = RawGrpc.Frame(new ListRatingsRequest { Region = region, Year = 2024 }.ToByteArray());

        var reply = await RawGrpc.CallReadingLateAsync(Server.Address, "/muscore.v1.RatingService/ListRatings", TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), request);

        Assert.Contains(reply.Status, new[] { StatusCode.DeadlineExceeded, StatusCode.Cancelled });
        await AssertEnded(logs, "ListRatings", "DEADLINE_EXCEEDED");
    }

    [Fact]
    public async Task ListLowEfficiency_DeadlinePassesWhileTheServerWrites_DeadlineExceededOrCancelledNeverInternal()
    {
        await PublishedLinhaiAsync();
        var logs = CapturedLogs.Of(Server);
        var request = RawGrpc.Frame(new ListLowEfficiencyRequest { Region = PolicyRuns.Linhai, Year = 2023 }.ToByteArray());

        var reply = await RawGrpc.CallReadingLateAsync(Server.Address, "/muscore.v1.PolicyService/ListLowEfficiency", TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), request);

        Assert.Contains(reply.Status, new[] { StatusCode.DeadlineExceeded, StatusCode.Cancelled });
        await AssertEnded(logs, "ListLowEfficiency", "DEADLINE_EXCEEDED");
    }

    [Fact]
    public async Task ListRatings_ClientCancelsMidStream_EndedAsCancelled()
    {
        var region = await PublishedRegionAsync();
        var logs = CapturedLogs.Of(Server);
        using var cancel = new CancellationTokenSource();
        using var call = Server.Ratings.ListRatings(new ListRatingsRequest { Region = region, Year = 2024 }, cancellationToken: cancel.Token);
        Assert.True(await call.ResponseStream.MoveNext());

        await cancel.CancelAsync();

        await AssertEnded(logs, "ListRatings", "CANCELLED");
    }

    [Fact]
    public async Task ListLowEfficiency_ReaderTooSlowForTheDeadline_DeadlineExceeded()
    {
        await PublishedLinhaiAsync();
        var logs = CapturedLogs.Of(Server);
        using var call = new PolicyService.PolicyServiceClient(Server.Channel).ListLowEfficiency(new ListLowEfficiencyRequest { Region = PolicyRuns.Linhai, Year = 2023 }, deadline: DateTime.UtcNow.AddMilliseconds(500));

        var client = await Assert.ThrowsAsync<RpcException>(() => ReadSlowlyAsync(call.ResponseStream));

        Assert.Equal(StatusCode.DeadlineExceeded, client.StatusCode);
        await AssertEnded(logs, "ListLowEfficiency", "CANCELLED", "DEADLINE_EXCEEDED");
    }

    // Cancelling before the handler has started would test Kestrel, not the handler: wait until it reads.
    private async Task UntilUploading()
    {
        var gate = Server.Services.GetRequiredService<UploadGate>();
        for (var i = 0; i < 200 && gate.Running == 0; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(1, gate.Running);
    }

    private static SubmitRunRequest Batch(string region) =>
        new() { Batch = new RecordBatch { Records = { Records.Sample(region, 2024, count: 100) } } };

    // One message, then nothing until the deadline has passed, then the rest.
    private static async Task ReadSlowlyAsync<T>(IAsyncStreamReader<T> stream)
    {
        Assert.True(await stream.MoveNext(CancellationToken.None));
        await Task.Delay(1_000);
        while (await stream.MoveNext(CancellationToken.None))
        {
        }
    }

    // The server notices on its own schedule: wait for its line, then check nothing else was logged.
    // When a generated client's deadline passes, the client resets the call itself, and whether the
    // server sees that reset (CANCELLED) or its own copy of the deadline first is a race.
    private static async Task AssertEnded(CapturedLogs logs, string method, params string[] statuses)
    {
        for (var i = 0; i < 200 && !logs.Named("CallEnded").Any(e => e.Message.Contains(method, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(25);
        }

        var ended = logs.Named("CallEnded").SingleOrDefault(e => e.Message.Contains(method, StringComparison.Ordinal));
        Assert.True(ended is not null, $"no CallEnded for {method}; the server logged: {string.Join(" | ", logs.Entries.Select(e => $"{e.Level} {e.EventName} {e.Message} {e.Exception?.GetType().Name}"))}");
        Assert.Contains(statuses, status => ended.Message.Contains($"({status})", StringComparison.Ordinal));
        Assert.Empty(logs.Named("UnexpectedFailure"));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private async Task<string> PublishedRegionAsync()
    {
        var region = Regions.Next();
        await Runs.PublishAsync(Server.Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024, count: Listed));
        return region;
    }

    // Linhai 2022 and 2023 where every enterprise pays 1 万元 of tax per mu: all are on the low-tax list.
    private async Task PublishedLinhaiAsync()
    {
        foreach (var year in new[] { 2022, 2023 })
        {
            var records = Enumerable.Range(1, Listed).Select(i => Records.Enterprise(i, PolicyRuns.Linhai, tax: 10m)).ToList();
            await PolicyRuns.PublishOnAsync(Server, PolicyRuns.Linhai, year, records, new DateTimeOffset(year + 1, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        }
    }
}
