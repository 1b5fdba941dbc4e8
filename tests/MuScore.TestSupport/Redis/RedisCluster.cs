using System.Diagnostics;
using System.Globalization;

namespace MuScore.TestSupport.Redis;

/// <summary>
/// A real Redis Cluster on free loopback ports: <c>masters × (1 + replicasPerMaster)</c> redis-server
/// processes with <c>--cluster-enabled yes</c>, joined by <c>redis-cli --cluster create</c>. Creating
/// one takes a few seconds, so a test class shares one (xUnit class fixture). A short node timeout
/// (2 s) makes a killed master fail over to its replica within seconds.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo directory;

    private RedisCluster(DirectoryInfo directory, IReadOnlyList<RedisNode> nodes)
    {
        this.directory = directory;
        Nodes = nodes;
    }

    /// <summary>Every node, masters and replicas, in creation order.</summary>
    public IReadOnlyList<RedisNode> Nodes { get; }

    /// <summary>A StackExchange.Redis configuration string naming every node (it discovers the rest itself).</summary>
    public string ConnectionString => string.Join(',', Nodes.Select(node => node.EndPoint));

    /// <summary>Starts the nodes, creates the cluster and waits until every node reports it healthy.</summary>
    public static async Task<RedisCluster> StartAsync(int masters = 3, int replicasPerMaster = 0)
    {
        var directory = Directory.CreateTempSubdirectory("muscore-redis-cluster-");
        var nodes = Enumerable.Range(0, masters * (1 + replicasPerMaster)).Select(_ =>
        {
            var port = RedisNode.FreePort();
            var text = port.ToString(CultureInfo.InvariantCulture);
            return new RedisNode(port, directory.FullName,
            [
                "--port", text, "--bind", "127.0.0.1", "--dir", directory.FullName,
                "--cluster-enabled", "yes", "--cluster-config-file", $"nodes-{text}.conf", "--cluster-node-timeout", "2000",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--repl-diskless-sync-delay", "0",
            ]);
        }).ToList();
        var cluster = new RedisCluster(directory, nodes);
        try
        {
            await Task.WhenAll(nodes.Select(node => node.StartAsync())).ConfigureAwait(false);
            await RedisCli.RunAsync(
            [
                "--cluster", "create", .. nodes.Select(node => node.EndPoint),
                "--cluster-replicas", replicasPerMaster.ToString(CultureInfo.InvariantCulture), "--cluster-yes",
            ]).ConfigureAwait(false);
            if (!await cluster.WaitHealthyAsync(SettleTimeout).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"the cluster did not settle within {SettleTimeout.TotalSeconds} s:\n{await cluster.DescribeAsync().ConfigureAwait(false)}");
            }
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return cluster;
    }

    /// <summary>
    /// Waits until every running node reports <c>cluster_state:ok</c> and every running replica's
    /// link to its master is up; false when that does not happen within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitHealthyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await IsHealthyAsync().ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>The running node that is master of <paramref name="key"/>'s slot, as the running nodes see it.</summary>
    public async Task<RedisNode?> MasterOfAsync(string key)
    {
        var asked = Nodes.First(node => node.IsRunning);
        var slot = int.Parse((await asked.CommandAsync("CLUSTER", "KEYSLOT", key).ConfigureAwait(false)).Trim(), CultureInfo.InvariantCulture);
        foreach (var line in (await asked.CommandAsync("CLUSTER", "NODES").ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // <id> <ip:port@cport> <flags> <master> <ping> <pong> <epoch> <link> <slot ranges...>
            var fields = line.Trim().Split(' ');
            if (fields.Length < 9 || !fields[2].Contains("master", StringComparison.Ordinal) || fields[2].Contains("fail", StringComparison.Ordinal))
            {
                continue;
            }

            if (fields.Skip(8).Any(range => Covers(range, slot)))
            {
                var port = int.Parse(fields[1].Split('@')[0].Split(':')[1], CultureInfo.InvariantCulture);
                return Nodes.FirstOrDefault(node => node.Port == port && node.IsRunning);
            }
        }

        return null;
    }

    /// <summary>CLUSTER NODES and CLUSTER INFO of every running node, for a failure message.</summary>
    public async Task<string> DescribeAsync()
    {
        var parts = new List<string>();
        foreach (var node in Nodes.Where(node => node.IsRunning))
        {
            parts.Add($"{node.EndPoint}:\n{await TryAsync(node, "CLUSTER", "NODES").ConfigureAwait(false)}{await TryAsync(node, "CLUSTER", "INFO").ConfigureAwait(false)}");
        }

        return string.Join('\n', parts);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            node.Dispose();
        }

        directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<bool> IsHealthyAsync()
    {
        foreach (var node in Nodes.Where(node => node.IsRunning))
        {
            var info = await TryAsync(node, "CLUSTER", "INFO").ConfigureAwait(false);
            if (!info.Contains("cluster_state:ok", StringComparison.Ordinal))
            {
                return false;
            }

            var replication = await TryAsync(node, "INFO", "replication").ConfigureAwait(false);
            if (replication.Contains("role:slave", StringComparison.Ordinal) && !replication.Contains("master_link_status:up", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Covers(string range, int slot)
    {
        if (range.StartsWith('['))
        {
            return false; // a slot being migrated or imported
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        var low = int.Parse(dash < 0 ? range : range[..dash], CultureInfo.InvariantCulture);
        var high = dash < 0 ? low : int.Parse(range[(dash + 1)..], CultureInfo.InvariantCulture);
        return slot >= low && slot <= high;
    }

    private static async Task<string> TryAsync(RedisNode node, params string[] command)
    {
        try
        {
            return await node.CommandAsync(command).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
