using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Cli.Tests.Publishing;

/// <summary>
/// "muscore publish-run" against the real server over TLS with real tokens: the clerk uploads a
/// draft, the head of office publishes it, and nobody publishes their own upload.
/// </summary>
public sealed class PublishRunCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TestPki pki = new();
    private readonly TestTokens tokens = new();
    private ServerInstance? server;

    private ServerInstance Server => server!;

    public async Task InitializeAsync() => server = await ServerInstance.StartAsync(new ServerSettings { Tls = pki, Tokens = tokens });

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        tokens.Dispose();
        pki.Dispose();
    }

    [Fact]
    public async Task PublishRun_ClerkDraftPublishedByHead_RecordsTheHeadAndRefusesTheClerk()
    {
        // The clerk holds runs:publish too: four eyes, not a missing scope, must stop it.
        var clerk = tokens.Issue("clerk-wang", "runs:submit runs:publish", ["331082"]);
        var head = tokens.Issue("head-li", "runs:publish", ["3310"]);
        var draft = (await Publisher.RunAsync(Server.Address, Publisher.SampleCounty, "--ca", pki.AuthorityFile, "--token", clerk, "--no-publish")).Expect(ExitCodes.Success);
        var runId = Publisher.RunId(draft);

        var own = await PublishRunAsync(clerk, runId);
        own.Expect(ExitCodes.ServerError);
        Assert.Contains("FOUR_EYES", own.Error, StringComparison.Ordinal);

        var published = (await PublishRunAsync(head, runId)).Expect(ExitCodes.Success);
        Assert.Contains("version 1", published.Out, StringComparison.Ordinal);
        Assert.Contains("by         head-li", published.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("rollback", published.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishRun_OlderRun_NeedsAReasonAndIsShownAsARollback()
    {
        var clerk = tokens.Issue("clerk-wang", "runs:submit", ["331082"]);
        var head = tokens.Issue("head-li", "runs:publish", ["331082"]);
        var first = Publisher.RunId((await Publisher.RunAsync(Server.Address, Publisher.SampleCounty, "--ca", pki.AuthorityFile, "--token", clerk, "--no-publish", "--year", "2023")).Expect(ExitCodes.Success));
        (await PublishRunAsync(head, first)).Expect(ExitCodes.Success);

        // A corrected file (one row fewer) is a newer run: version 2.
        var corrected = Path.Combine(Path.GetTempPath(), $"muscore-corrected-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(corrected, (await File.ReadAllLinesAsync(Publisher.SampleCounty))[..^1]);
        try
        {
            var second = Publisher.RunId((await Publisher.RunAsync(Server.Address, corrected, "--ca", pki.AuthorityFile, "--token", clerk, "--no-publish", "--year", "2023")).Expect(ExitCodes.Success));
            (await PublishRunAsync(head, second)).Expect(ExitCodes.Success);
        }
        finally
        {
            File.Delete(corrected);
        }

        var refused = (await PublishRunAsync(head, first)).Expect(ExitCodes.ServerError);
        Assert.Contains("reason", refused.Error, StringComparison.Ordinal);

        var rollback = (await PublishRunAsync(head, first, "--reason", "the correction was filed against the wrong year")).Expect(ExitCodes.Success);
        Assert.Contains("version 3", rollback.Out, StringComparison.Ordinal);
        Assert.Contains("rollback   yes", rollback.Out, StringComparison.Ordinal);
        Assert.Contains("reason     the correction was filed against the wrong year", rollback.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishRun_MalformedRunId_ExitsWithUsage()
    {
        var run = CliRun.Of("publish-run", "--server", "https://127.0.0.1:1", "--run", "not-a-run");
        run.Expect(ExitCodes.Usage);
        Assert.Contains("--run", run.Error, StringComparison.Ordinal);
    }

    private Task<CliRun> PublishRunAsync(string token, string runId, params string[] extra) =>
        Task.Run(() => CliRun.Of(["publish-run", "--server", Server.Address.ToString(), "--ca", pki.AuthorityFile, "--token", token, "--run", runId, .. extra]));
}
