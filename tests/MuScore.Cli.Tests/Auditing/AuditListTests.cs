using System.Globalization;
using System.Text.Json;
using MuScore.Store.Audit;

namespace MuScore.Cli.Tests.Auditing;

/// <summary>"muscore audit list" against the real server over TLS with signed tokens.</summary>
public sealed class AuditListTests(AuditServer server) : IClassFixture<AuditServer>
{
    private static readonly string[] Everywhere = ["*"];

    private static readonly string[] JsonKeys = ["sequence", "at", "kind", "caller", "region", "year", "run_id", "version", "reason", "detail", "previous_hash", "hash"];

    [Fact]
    public async Task List_Text_OneReadableLinePerEventOldestFirst()
    {
        var entries = await server.EntriesAsync();

        var run = (await server.RunAsync(server.Auditor(Everywhere), "list")).Expect(0);

        var lines = Lines(run.Out);
        Assert.Equal(entries.Count, lines.Count);
        Assert.StartsWith("1  ", lines[0], StringComparison.Ordinal);
        Assert.Contains("  server.started       by (server)", lines[0], StringComparison.Ordinal);
        var published = entries.Single(e => e.Record.Kind == AuditKinds.RunPublished);
        Assert.Equal(
            Invariant($"{published.Sequence}  {published.Record.At:yyyy-MM-dd'T'HH:mm:ss'Z'}  run.published        by {AuditServer.Head}  region 331082  year 2023  run {server.LinhaiRun.RunId[..12]}  version 1  reason \"年度评价结果\""),
            lines[(int)published.Sequence - 1]);
        Assert.Contains(lines, l => l.Contains($"call.refused         by {AuditServer.Clerk}  region 331082  run {server.LinhaiRun.RunId[..12]}  reason \"PermissionDenied: FOUR_EYES: ", StringComparison.Ordinal));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task List_Jsonl_OneObjectPerEventKeysInAFixedOrderHoldingWhatIsStored()
    {
        var entries = await server.EntriesAsync();

        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--format", "jsonl")).Expect(0);

        var lines = Lines(run.Out);
        Assert.Equal(entries.Count, lines.Count);
        foreach (var (line, entry) in lines.Zip(entries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal(JsonKeys, root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(entry.Sequence, root.GetProperty("sequence").GetInt64());
            Assert.Equal(Invariant($"{entry.Record.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}"), root.GetProperty("at").GetString());
            Assert.Equal((entry.Record.Kind, entry.Record.Caller), (root.GetProperty("kind").GetString(), root.GetProperty("caller").GetString()));
            Assert.Equal(entry.Record.Region, Text(root, "region"));
            Assert.Equal(entry.Record.Year, root.GetProperty("year").ValueKind == JsonValueKind.Null ? null : root.GetProperty("year").GetInt32());
            Assert.Equal((entry.Record.RunId, entry.Record.Reason, entry.Record.Detail), (Text(root, "run_id"), Text(root, "reason"), Text(root, "detail")));
            Assert.Equal((entry.PreviousHash, entry.Hash), (root.GetProperty("previous_hash").GetString(), root.GetProperty("hash").GetString()));
        }
    }

    [Fact]
    public async Task List_KindsAndCaller_OnlyThoseEvents()
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--kind", "run.published", "run.submitted", "--caller", AuditServer.Head)).Expect(0);

        var line = Assert.Single(Lines(run.Out));
        Assert.Contains($"run.published        by {AuditServer.Head}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_RegionPrefix_OnlyEventsOfThatRegion()
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--region", "3502")).Expect(0);

        var line = Assert.Single(Lines(run.Out));
        Assert.Contains($"run.submitted        by {AuditServer.Clerk}  region 350206  year 2023", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2031-01-02")]
    [InlineData("2031-01-02T00:00Z")]
    [InlineData("2031-01-02T08:00:00+08:00")]
    [InlineData("2031-01-02T00:00:00.0000000")]
    public async Task List_SinceInAnyOfTheAcceptedForms_TheSameInstant(string since)
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--caller", "timekeeper", "--since", since)).Expect(0);

        var line = Assert.Single(Lines(run.Out));
        Assert.Contains("2031-01-02T01:00:00Z", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Until_OnlyEventsBeforeIt()
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--caller", "timekeeper", "--until", "2031-01-02T08:00+08:00")).Expect(0);

        Assert.Contains("reason \"before midnight\"", Assert.Single(Lines(run.Out)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_LimitReached_StderrSaysHowToGoOn()
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--after", "1", "--limit", "2")).Expect(0);

        var lines = Lines(run.Out);
        Assert.Equal(["2  ", "3  "], lines.Select(l => l[..3]));
        Assert.Equal("muscore audit list: 2 events, the limit; more may follow: add --after 3\n", run.Error);
    }

    [Fact]
    public async Task List_NothingMatches_ExitZeroSayingSo()
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--caller", "nobody")).Expect(0);

        Assert.Empty(run.Out);
        Assert.Equal("muscore audit list: no events match\n", run.Error);
    }

    [Fact]
    public async Task List_Detail_EndsEachLineWithItsDetail()
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--kind", "run.submitted", "--region", "3310", "--detail")).Expect(0);

        Assert.Matches("  detail \\{\"records\":\\d+,\"rated\":\\d+,\"excluded\":\\d+,\"rejected\":\\d+\\}$", Assert.Single(Lines(run.Out)));
    }

    [Fact]
    public async Task List_ReasonWithALineFeedAndATerminalEscape_StaysOneLineWithThemEscaped()
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere), "list", "--caller", "mallory")).Expect(0);

        var line = Assert.Single(Lines(run.Out));
        Assert.EndsWith("reason \"ok\\u000AFAKE 99  server.started\\u001B[2J\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TaizhouAuditor_OnlyTaizhouEventsNoServerStart()
    {
        var run = (await server.RunAsync(server.Auditor(["3310"]), "list")).Expect(0);

        var lines = Lines(run.Out);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains("  region 3310", l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Split("  ")[2].TrimEnd() == AuditKinds.ServerStarted || l.Contains("350206", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_TokenWithoutAuditRead_ExitFourNamingTheScope()
    {
        var run = (await server.RunAsync(server.Auditor(Everywhere, scope: "runs:submit runs:publish ratings:read"), "list")).Expect(4);

        Assert.Empty(run.Out);
        Assert.StartsWith($"muscore audit: the server at {server.Server.Address.GetLeftPart(UriPartial.Authority)} answered ListAuditEvents with PERMISSION_DENIED: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("reason: MISSING_SCOPE (", run.Error, StringComparison.Ordinal);
        Assert.Contains("scope audit:read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NoToken_ExitFourSayingNoTokenWasSent()
    {
        var run = (await server.RunAsync(null, "list")).Expect(4);

        Assert.Contains("UNAUTHENTICATED", run.Error, StringComparison.Ordinal);
        Assert.Contains("no token was sent", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndVerify_TokenInMuscoreToken_ListReadsItAndVerifyOfTheServersStoreIgnoresIt()
    {
        var environment = new Dictionary<string, string> { ["MUSCORE_TOKEN"] = server.Auditor(Everywhere) };

        var list = await Task.Run(() => CliRun.WithEnvironment(environment, "audit", "list", "--server", server.Server.Address.ToString(), "--ca", server.Pki.AuthorityFile, "--format", "jsonl")).ConfigureAwait(true);
        var verify = await Task.Run(() => CliRun.WithEnvironment(environment, "audit", "verify", "--store", "sqlite", "--connection-string", server.Server.StoreConnectionString)).ConfigureAwait(true);

        list.Expect(0);
        verify.Expect(0);
        using var last = JsonDocument.Parse(Lines(list.Out)[^1]);
        Assert.Contains($"head hash        {last.RootElement.GetProperty("hash").GetString()}\nchain intact\n", verify.Out, StringComparison.Ordinal);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static string? Text(JsonElement root, string name) => root.GetProperty(name).ValueKind == JsonValueKind.Null ? null : root.GetProperty(name).GetString();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
