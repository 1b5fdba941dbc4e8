using System.Diagnostics;
using System.Globalization;

namespace MuScore.TestSupport.Redis;

/// <summary>
/// A real Sentinel-managed Redis on free loopback ports: a master, one replica and one sentinel
/// (<c>redis-server --sentinel</c>, quorum 1) watching them as service <see cref="ServiceName"/>.
/// <see cref="FailoverAsync"/> has the sentinel promote the replica, as an operator's
/// <c>SENTINEL FAILOVER</c> would, and waits until the sentinel names it and it acts as master.
/// </summary>
public sealed class RedisSentinelSet : IAsyncDisposable
{
    /// <summary>The service name clients ask the sentinel for.</summary>
    public const string ServiceName = "muscore";

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo directory;

    private RedisSentinelSet(DirectoryInfo directory, RedisNode first, RedisNode second, RedisNode sentinel)
    {
        this.directory = directory;
        Data = [first, second];
        Sentinel = sentinel;
    }

    /// <summary>The two data nodes; which one is master changes with each failover.</summary>
    public IReadOnlyList<RedisNode> Data { get; }

    /// <summary>The sentinel.</summary>
    public RedisNode Sentinel { get; }

    /// <summary>A StackExchange.Redis configuration string: the sentinel and the service name.</summary>
    public string ConnectionString => $"{Sentinel.EndPoint},serviceName={ServiceName}";

    /// <summary>Starts master, replica and sentinel and waits until the sentinel knows a synced replica.</summary>
    public static async Task<RedisSentinelSet> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("muscore-redis-sentinel-");
        var masterPort = RedisNode.FreePort();
        var master = DataNode(directory, masterPort, []);
        var replica = DataNode(directory, RedisNode.FreePort(), ["--replicaof", "127.0.0.1", Text(masterPort)]);
        var sentinelPort = RedisNode.FreePort();
        var configuration = Path.Combine(directory.FullName, $"sentinel-{Text(sentinelPort)}.conf");
        await File.WriteAllLinesAsync(configuration,
        [
            $"port {Text(sentinelPort)}",
            "bind 127.0.0.1",
            $"dir {directory.FullName}",
            $"sentinel monitor {ServiceName} 127.0.0.1 {Text(masterPort)} 1",
            $"sentinel down-after-milliseconds {ServiceName} 2000",
            $"sentinel failover-timeout {ServiceName} 10000",
        ]).ConfigureAwait(false);
        var sentinel = new RedisNode(sentinelPort, directory.FullName, [configuration, "--sentinel"]);
        var set = new RedisSentinelSet(directory, master, replica, sentinel);
        try
        {
            await master.StartAsync().ConfigureAwait(false);
            await replica.StartAsync().ConfigureAwait(false);
            await sentinel.StartAsync().ConfigureAwait(false);
            if (!await set.WaitSettledAsync(masterPort, sentinelSeesReplica: true).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"the sentinel set did not settle within {SettleTimeout.TotalSeconds} s:\n{await set.DescribeAsync().ConfigureAwait(false)}");
            }
        }
        catch
        {
            await set.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return set;
    }

    /// <summary>The data node the sentinel names master now.</summary>
    public async Task<RedisNode> MasterAsync()
    {
        var reply = await Sentinel.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", ServiceName).ConfigureAwait(false);
        var port = int.Parse(reply.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim(), CultureInfo.InvariantCulture);
        return Data.Single(node => node.Port == port);
    }

    /// <summary>Has the sentinel promote the replica; returns it once the sentinel names it and it acts as master.</summary>
    public async Task<RedisNode> FailoverAsync()
    {
        var old = await MasterAsync().ConfigureAwait(false);
        var promoted = Data.Single(node => node != old);
        var clock = Stopwatch.StartNew();

        // Refused (NOGOODSLAVE, INPROG) while the sentinel's view of the replica is not fresh: ask again.
        while (true)
        {
            var reply = await Sentinel.CommandAsync("SENTINEL", "FAILOVER", ServiceName).ConfigureAwait(false);
            if (reply.StartsWith("OK", StringComparison.Ordinal))
            {
                break;
            }

            if (clock.Elapsed > SettleTimeout)
            {
                throw new InvalidOperationException($"SENTINEL FAILOVER kept answering {reply}");
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        if (!await WaitSettledAsync(promoted.Port, sentinelSeesReplica: false).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"the failover did not settle within {SettleTimeout.TotalSeconds} s:\n{await DescribeAsync().ConfigureAwait(false)}");
        }

        return promoted;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Sentinel.Dispose();
        foreach (var node in Data)
        {
            node.Dispose();
        }

        directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static RedisNode DataNode(DirectoryInfo directory, int port, string[] extra) => new(port, directory.FullName,
    [
        "--port", Text(port), "--bind", "127.0.0.1", "--dir", directory.FullName,
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--repl-diskless-sync-delay", "0", .. extra,
    ]);

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    // Settled at start: the sentinel names this master, the other node replicates from it with its
    // link up, and the sentinel sees that replica healthy, so a failover can pick it. After a
    // failover: the sentinel names the promoted node and it says it is master. (The sentinel turns
    // the old master into a replica only at its next INFO poll, up to 10 s later; clients need not wait.)
    private async Task<bool> WaitSettledAsync(int masterPort, bool sentinelSeesReplica)
    {
        var master = Data.Single(node => node.Port == masterPort);
        var replica = Data.Single(node => node.Port != masterPort);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < SettleTimeout)
        {
            try
            {
                var named = await MasterAsync().ConfigureAwait(false);
                var settled = named.Port == masterPort;
                if (settled && sentinelSeesReplica)
                {
                    var replication = await replica.CommandAsync("INFO", "replication").ConfigureAwait(false);
                    var seen = await Sentinel.CommandAsync("SENTINEL", "REPLICAS", ServiceName).ConfigureAwait(false);
                    settled = replication.Contains($"master_port:{Text(masterPort)}", StringComparison.Ordinal)
                        && replication.Contains("master_link_status:up", StringComparison.Ordinal)
                        && seen.Contains(replica.EndPoint, StringComparison.Ordinal)
                        && seen.Contains("master-link-status\nok", StringComparison.Ordinal)
                        && !seen.Contains("s_down", StringComparison.Ordinal);
                }
                else if (settled)
                {
                    settled = (await master.CommandAsync("INFO", "replication").ConfigureAwait(false)).Contains("role:master", StringComparison.Ordinal);
                }

                if (settled)
                {
                    return true;
                }
            }
            catch (InvalidOperationException)
            {
                // A node mid-change may refuse a command: look again.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<string> DescribeAsync()
    {
        var parts = new List<string>();
        foreach (var node in Data.Append(Sentinel).Where(node => node.IsRunning))
        {
            try
            {
                parts.Add($"{node.EndPoint}:\n{await node.CommandAsync(node == Sentinel ? ["SENTINEL", "REPLICAS", ServiceName] : ["INFO", "replication"]).ConfigureAwait(false)}");
            }
            catch (InvalidOperationException e)
            {
                parts.Add($"{node.EndPoint}: {e.Message}");
            }
        }

        return string.Join('\n', parts);
    }
}
