using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Server;

namespace MuScore.Cli.Tests.Lists;

/// <summary>
/// A real server with Linhai's hand-made 2022 and 2023 runs published (version 1 each), shared by
/// the tests of a class: they only read it.
/// </summary>
public sealed class LinhaiServer : IAsyncLifetime
{
    public ServerInstance Server { get; private set; } = null!;

    public Publication Published2022 { get; private set; } = null!;

    public Publication Published2023 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerInstance.StartAsync();
        Published2022 = await PublishAsync(Server, 2022, LinhaiFirms.Year2022);
        Published2023 = await PublishAsync(Server, 2023, LinhaiFirms.Year2023);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Submits the records with the zj-standard scheme, checks every one was rated, and publishes the run.</summary>
    internal static async Task<Publication> PublishAsync(ServerInstance server, int year, IReadOnlyList<EnterpriseRecord> records)
    {
        var client = server.Evaluation;
        using var call = client.SubmitRun();
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = new RunHeader { Region = LinhaiFirms.Region, Year = year, SchemeName = "zj-standard" } });
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = new RecordBatch { Records = { records } } });
        await call.RequestStream.CompleteAsync();
        var run = (await call.ResponseAsync).Run;
        Assert.True(run.RatedCount == records.Count, string.Create(CultureInfo.InvariantCulture, $"{year}: {run.RatedCount} of {records.Count} rated; rejected: {run.Rejected}"));
        return (await client.PublishRunAsync(new PublishRunRequest { RunId = run.RunId })).Publication;
    }
}
