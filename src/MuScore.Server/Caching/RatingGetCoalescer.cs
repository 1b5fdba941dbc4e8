using System.Threading.Channels;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// Coalesces concurrent single-rating reads into one MGET. Under load a GetRating call per request
/// would pay a socket write, a Redis command and a pass through the Polly pipeline each; queued
/// here, the requests in flight share them. With one request in flight it is a plain GET's cost
/// plus a queue hop. A batch that Redis does not answer answers every waiter "not answered", and
/// each falls back to the database as before.
/// </summary>
internal sealed class RatingGetCoalescer : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<Waiter> queue = Channel.CreateUnbounded<Waiter>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<RedisKey[], ValueTask<RedisValue[]?>> fetch;
    private readonly Task loop;

    public RatingGetCoalescer(Func<RedisKey[], ValueTask<RedisValue[]?>> fetch)
    {
        this.fetch = fetch;

        // Started by whichever request reads first: without suppressing the flow, that request's
        // trace (Activity.Current) would parent the spans of every MGET the loop ever sends.
        using (ExecutionContext.SuppressFlow())
        {
            loop = Task.Run(RunAsync);
        }
    }

    /// <summary>The rating bytes under a key; null when Redis did not answer.</summary>
    public Task<RedisValue?> GetAsync(RedisKey key)
    {
        var waiter = new Waiter(key);
        return queue.Writer.TryWrite(waiter) ? waiter.Task : Task.FromResult<RedisValue?>(null);
    }

    /// <summary>Stops taking requests; the loop ends after answering those queued.</summary>
    public void Complete() => queue.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        Complete();
        await loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Waiter>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var waiter))
            {
                batch.Add(waiter);
            }

            var keys = new RedisKey[batch.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = batch[i].Key;
            }

            RedisValue[]? values;
            try
            {
                values = await fetch(keys).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed batch must answer its waiters, never stop the loop.
            catch (Exception)
#pragma warning restore CA1031
            {
                values = null;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].SetResult(values is null ? (RedisValue?)null : values[i]);
            }

            batch.Clear();
        }
    }

    private sealed class Waiter(RedisKey key) : TaskCompletionSource<RedisValue?>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public RedisKey Key { get; } = key;
    }
}
