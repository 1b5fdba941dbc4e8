using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Store.Audit;

namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>
/// An <see cref="AuditedServerFixture"/> whose log holds, after the server's own start entry,
/// five entries in January 2031 appended directly through the store (so times, callers and regions
/// are known) and <see cref="BulkCount"/> entries of caller <see cref="Bulk"/> for paging.
/// </summary>
public sealed class AuditListingFixture : IAsyncLifetime
{
    /// <summary>The caller of the bulk entries.</summary>
    public const string Bulk = "bulk-loader";

    /// <summary>More than one page of the store (1,000).</summary>
    public const int BulkCount = 1500;

    public AuditedServerFixture Audited { get; } = new();

    /// <summary>The January 2031 entries, as stored: E1..E5 at index 0..4.</summary>
    public IReadOnlyList<AuditEntry> January { get; private set; } = [];

    /// <summary>The first instant of January 2031.</summary>
    public static DateTimeOffset Day(int day) => new(2031, 1, day, 0, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await Audited.InitializeAsync();
        AuditRecord[] records =
        [
            new(AuditKinds.CallRefused, Day(1), "alice", "331082", null, null, null, "PermissionDenied: FOUR_EYES: …", "{\"method\":\"/muscore.v1.EvaluationService/PublishRun\"}"),
            new(AuditKinds.RunSubmitted, Day(2), "bob", "331083", 2030, new string('2', 64), null, null, "{\"records\":3}"),
            new(AuditKinds.RunPublished, Day(3), "carol", "350206", 2030, new string('3', 64), 1, "annual publication", null),
            new(AuditKinds.ReadsCounted, Day(4), "alice", null, null, null, null, null, "{\"counts\":{}}"),
            new(AuditKinds.CallRefused, Day(5), "alice", "330102", null, null, null, "PermissionDenied: REGION_NOT_ALLOWED: …", null),
        ];
        var january = new List<AuditEntry>();
        foreach (var record in records)
        {
            january.Add(await Audited.Log.AppendAsync(record, CancellationToken.None));
        }

        January = january;
        for (var i = 0; i < BulkCount; i++)
        {
            await Audited.Log.AppendAsync(new AuditRecord(AuditKinds.ReadsCounted, Day(20).AddSeconds(i), Bulk, "331082", null, null, null, null, null), CancellationToken.None);
        }
    }

    public Task DisposeAsync() => Audited.DisposeAsync();

    /// <summary>Lists through the real RPC as <paramref name="regions"/>' auditor (or with <paramref name="scope"/>).</summary>
    public async Task<List<AuditEvent>> ListAsync(ListAuditEventsRequest request, string[] regions, string scope = Callers.AuditorScope)
    {
        using var channel = Audited.As(Callers.Unique("auditor"), scope, regions);
        return await ListAsync(channel, request);
    }

    /// <summary>Reads the whole stream of one ListAuditEvents call.</summary>
    public static async Task<List<AuditEvent>> ListAsync(GrpcChannel channel, ListAuditEventsRequest request)
    {
        using var call = new AuditService.AuditServiceClient(channel).ListAuditEvents(request);
        var events = new List<AuditEvent>();
        await foreach (var e in call.ResponseStream.ReadAllAsync())
        {
            events.Add(e);
        }

        return events;
    }
}
