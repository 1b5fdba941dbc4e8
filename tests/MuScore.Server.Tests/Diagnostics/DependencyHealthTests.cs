using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Diagnostics;

public sealed class DependencyHealthTests
{
    [Fact]
    public async Task Failed_ManyConcurrentCallers_OneDownLineWithTheMessageCut()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var health = new DependencyHealth(factory.CreateLogger<DependencyHealth>());
        var huge = new TimeoutException(new string('v', 1 << 20));

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => health.Failed(DependencyHealth.Redis, huge))));

        var down = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, down.Level);
        Assert.Null(down.Exception);
        Assert.True(down.Message.Length < 300, $"the down line is {down.Message.Length} characters long");
        Assert.True(health.IsDown(DependencyHealth.Redis));
        Assert.False(health.IsDown(DependencyHealth.Database));
    }

    [Fact]
    public void Succeeded_AfterAnOutage_OneBackLineThenNothing()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var health = new DependencyHealth(factory.CreateLogger<DependencyHealth>());

        health.Succeeded(DependencyHealth.Database);
        health.Failed(DependencyHealth.Database, "connection refused");
        health.Succeeded(DependencyHealth.Database);
        health.Succeeded(DependencyHealth.Database);
        health.Failed(DependencyHealth.Database, "connection refused again");

        Assert.Equal(
            ["database is down: connection refused", "database is back", "database is down: connection refused again"],
            logs.Entries.Select(e => e.Message));
    }
}
