using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Cli.Tests.Lists;
using MuScore.Contracts.V1;
using MuScore.Store.Audit;
using MuScore.TestSupport;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Cli.Tests.Auditing;

/// <summary>
/// A real server over TLS with signed tokens and four eyes on, whose audit log holds a rating
/// office's morning: clerk-wang submits Linhai 2023, is refused publishing it himself, head-zhao
/// publishes it, clerk-wang submits Xiamen Huli 2023. Appended directly, with known times: two
/// entries of "timekeeper" at 2031-01-01T23:00Z and 2031-01-02T01:00Z, and one of "mallory"
/// whose reason holds a line feed and a terminal escape. Tests only read it.
/// </summary>
public sealed class AuditServer : IAsyncLifetime
{
    public const string Clerk = "clerk-wang";
    public const string Head = "head-zhao";
    public const string Linhai = LinhaiFirms.Region;
    public const string Huli = "350206";
    public const string HostileReason = "ok\nFAKE 99  server.started\u001b[2J";

    private ServerInstance? server;

    public TestPki Pki { get; } = new();

    public TestTokens Tokens { get; } = new();

    public ServerInstance Server => server ?? throw new InvalidOperationException("not started");

    public IAuditLog Log => Server.Services.GetRequiredService<IAuditLog>();

    /// <summary>The Linhai run and its publication.</summary>
    public Run LinhaiRun { get; private set; } = null!;

    public Publication Published { get; private set; } = null!;

    /// <summary>A token for an auditor of <paramref name="regions"/> (scope audit:read unless told).</summary>
    public string Auditor(string[] regions, string scope = "audit:read") => Tokens.Issue("auditor-" + string.Join('-', regions), scope, regions);

    public async Task InitializeAsync()
    {
        server = await ServerInstance.StartAsync(new ServerSettings { Tls = Pki, Tokens = Tokens });
        using var clerk = Server.ChannelAs(Tokens.Issue(Clerk, "runs:submit runs:publish", ["*"]));
        using var head = Server.ChannelAs(Tokens.Issue(Head, "runs:publish", ["33"]));
        LinhaiRun = await SubmitAsync(clerk, Linhai, LinhaiFirms.Year2023);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new EvaluationService.EvaluationServiceClient(clerk).PublishRunAsync(new PublishRunRequest { RunId = LinhaiRun.RunId }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Published = (await new EvaluationService.EvaluationServiceClient(head).PublishRunAsync(new PublishRunRequest { RunId = LinhaiRun.RunId, Reason = "年度评价结果" })).Publication;
        await SubmitAsync(clerk, Huli, [.. LinhaiFirms.Year2023.Select((r, i) => InHuli(r, i + 1))]);
        await Log.AppendAsync(new AuditRecord(AuditKinds.CallRefused, new DateTimeOffset(2031, 1, 1, 23, 0, 0, TimeSpan.Zero), "timekeeper", Linhai, null, null, null, "before midnight", null), CancellationToken.None);
        await Log.AppendAsync(new AuditRecord(AuditKinds.CallRefused, new DateTimeOffset(2031, 1, 2, 1, 0, 0, TimeSpan.Zero), "timekeeper", Linhai, null, null, null, "after midnight", null), CancellationToken.None);
        await Log.AppendAsync(new AuditRecord(AuditKinds.CallRefused, new DateTimeOffset(2031, 1, 3, 0, 0, 0, TimeSpan.Zero), "mallory", Linhai, null, null, null, HostileReason, "{\"method\":\"/x\"}"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Tokens.Dispose();
        Pki.Dispose();
    }

    /// <summary>Runs "muscore audit ARGS --server … --ca …" off the test thread (it blocks on its call), with the token if given.</summary>
    internal Task<CliRun> RunAsync(string? token, params string[] args)
    {
        string[] line = ["audit", .. args, "--server", Server.Address.ToString(), "--ca", Pki.AuthorityFile, .. token is null ? Array.Empty<string>() : ["--token", token]];
        return Task.Run(() => CliRun.Of(line));
    }

    /// <summary>Every entry of the log, oldest first.</summary>
    public async Task<List<AuditEntry>> EntriesAsync()
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in Log.ListAsync(new AuditQuery(null, null, null, null, null, null, AuditQuery.MaxLimit), CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private static EnterpriseRecord InHuli(EnterpriseRecord record, int serial)
    {
        var copy = record.Clone();
        copy.Region = Huli;
        copy.CreditCode = TestCreditCodes.Make(serial, Huli);
        return copy;
    }

    private static async Task<Run> SubmitAsync(GrpcChannel channel, string region, IEnumerable<EnterpriseRecord> records)
    {
        using var call = new EvaluationService.EvaluationServiceClient(channel).SubmitRun();
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = new RunHeader { Region = region, Year = 2023, SchemeName = "zj-standard" } });
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = new RecordBatch { Records = { records } } });
        await call.RequestStream.CompleteAsync();
        return (await call.ResponseAsync).Run;
    }
}
