namespace MuScore.Cli.Tests.Connection;

/// <summary>
/// --token (or MUSCORE_TOKEN, or @FILE) goes to the server as "authorization: Bearer …" on every
/// call of publish, lists and summary, checked on a real gRPC server over a real socket; it is
/// never printed, and never sent in clear beyond this machine.
/// </summary>
public sealed class BearerTokenTests : IDisposable
{
    // Shaped like a JWT so that the command line takes it; the recording server does not verify it.
    private const string Token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("publish", "/muscore.v1.EvaluationService/SubmitRun", "SubmitRun")]
    [InlineData("lists", "/muscore.v1.PolicyService/ListLowEfficiency", "ListLowEfficiency")]
    [InlineData("summary", "/muscore.v1.PolicyService/SummarizeRegion", "SummarizeRegion")]
    public async Task ServerCommand_Token_IsSentAsBearerAndARefusalPrintsStatusReasonAndMetadata(string command, string method, string step)
    {
        await using var server = await RecordingServer.StartAsync(new RecordingServerOptions { Refusal = () => Refusals.MissingScope("alice", "policy:quote") });

        var run = (await ServerCommands.RunAsync(command, server.Address, temp.File("out.csv"), "--token", Token)).Expect(4);

        var call = Assert.Single(server.Calls);
        Assert.Equal(new SeenCall(method, $"Bearer {Token}", null), call);
        Assert.Equal(
            $"muscore {command}: the server at {server.Address.GetLeftPart(UriPartial.Authority)} answered {step} with PERMISSION_DENIED: caller 'alice' lacks scope policy:quote\n" +
            "  reason: MISSING_SCOPE (scope policy:quote)\n",
            command == "publish" ? run.Error[run.Error.IndexOf("muscore publish:", StringComparison.Ordinal)..] : run.Error);
        Assert.DoesNotContain(Token, run.Out + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("out.csv")));
    }

    [Fact]
    public async Task Summary_TokenFromEnvironment_IsSentOnTheCall()
    {
        await using var server = await RecordingServer.StartAsync();

        (await ServerCommands.RunWithAsync(new Dictionary<string, string> { ["MUSCORE_TOKEN"] = Token }, "summary", server.Address, temp.File("out.csv"))).Expect(0);

        Assert.Equal($"Bearer {Token}", Assert.Single(server.Calls).Authorization);
    }

    [Fact]
    public async Task Summary_TokenOptionBeatsTheEnvironment()
    {
        await using var server = await RecordingServer.StartAsync();

        (await ServerCommands.RunWithAsync(new Dictionary<string, string> { ["MUSCORE_TOKEN"] = "from.the.environment" }, "summary", server.Address, temp.File("out.csv"), "--token", Token)).Expect(0);

        Assert.Equal($"Bearer {Token}", Assert.Single(server.Calls).Authorization);
    }

    [Fact]
    public async Task Summary_TokenFromFile_IsReadAndTrimmed()
    {
        await using var server = await RecordingServer.StartAsync();
        var file = temp.File("token.txt");
        await File.WriteAllTextAsync(file, $"  {Token}\n\n");

        (await ServerCommands.RunAsync("summary", server.Address, temp.File("out.csv"), "--token", "@" + file)).Expect(0);

        Assert.Equal($"Bearer {Token}", Assert.Single(server.Calls).Authorization);
    }

    [Fact]
    public async Task Summary_NoToken_SendsNoAuthorization()
    {
        await using var server = await RecordingServer.StartAsync();

        (await ServerCommands.RunAsync("summary", server.Address, temp.File("out.csv"))).Expect(0);

        Assert.Null(Assert.Single(server.Calls).Authorization);
    }

    [Fact]
    public async Task Summary_UnauthenticatedWithoutToken_SaysHowToGiveOne()
    {
        await using var server = await RecordingServer.StartAsync(new RecordingServerOptions { Refusal = Refusals.NoToken });

        var run = (await ServerCommands.RunAsync("summary", server.Address, temp.File("out.csv"))).Expect(4);

        Assert.Equal(
            $"muscore summary: the server at {server.Address.GetLeftPart(UriPartial.Authority)} answered SummarizeRegion with UNAUTHENTICATED: a bearer token or client certificate is required\n" +
            "  reason: NO_CREDENTIALS\n" +
            "  no token was sent: give --token TOKEN or @FILE, or set MUSCORE_TOKEN ('muscore token issue' makes one)\n",
            run.Error);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("lists")]
    [InlineData("summary")]
    public async Task ServerCommand_TokenOverPlainHttpToAnotherHost_ExitsTwoBeforeAnyCall(string command)
    {
        // .example never resolves (RFC 2606): nothing could be sent even if the check were missing.
        var run = (await ServerCommands.RunAsync(command, new Uri("http://muscore.example:5080"), temp.File("out.csv"), "--token", Token)).Expect(2);

        Assert.Equal($"muscore {command}: a token must not cross the network in clear; use https:// (--server 'http://muscore.example:5080/' is plain http:// to another host)\n", run.Error);
    }

    [Fact]
    public async Task Summary_TokenFromEnvironmentOverPlainHttpToAnotherHost_ExitsTwo()
    {
        var run = (await ServerCommands.RunWithAsync(new Dictionary<string, string> { ["MUSCORE_TOKEN"] = Token }, "summary", new Uri("http://muscore.example:5080"), temp.File("out.csv"))).Expect(2);

        Assert.Equal("muscore summary: a token must not cross the network in clear; use https:// (--server 'http://muscore.example:5080/' is plain http:// to another host; the token comes from MUSCORE_TOKEN)\n", run.Error);
    }

    [Fact]
    public async Task Summary_MalformedTokenInEnvironment_ExitsTwoNamingTheVariable()
    {
        var run = (await ServerCommands.RunWithAsync(new Dictionary<string, string> { ["MUSCORE_TOKEN"] = "Bearer " + Token }, "summary", new Uri("http://127.0.0.1:9"), temp.File("out.csv"))).Expect(2);

        Assert.Equal("muscore summary: MUSCORE_TOKEN is not a token: it holds spaces, line breaks or characters outside printable ASCII\n", run.Error);
    }

    [Theory]
    [InlineData("two words", "--token is not a token: it holds spaces, line breaks or characters outside printable ASCII")]
    [InlineData("@MISSING", "token file 'MISSING' does not exist")]
    [InlineData("@EMPTY", "token file 'EMPTY' is empty")]
    public async Task Summary_BadToken_ExitsTwoWithoutQuotingIt(string token, string message)
    {
        var empty = temp.File("empty.txt");
        await File.WriteAllTextAsync(empty, " \n");
        var missing = temp.File("missing.txt");
        token = token.Replace("MISSING", missing, StringComparison.Ordinal).Replace("EMPTY", empty, StringComparison.Ordinal);

        var run = (await ServerCommands.RunAsync("summary", new Uri("http://127.0.0.1:9"), temp.File("out.csv"), "--token", token)).Expect(2);

        Assert.Equal($"muscore summary: {message.Replace("MISSING", missing, StringComparison.Ordinal).Replace("EMPTY", empty, StringComparison.Ordinal)}\n", run.Error);
    }
}
