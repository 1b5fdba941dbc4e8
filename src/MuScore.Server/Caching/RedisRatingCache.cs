using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;
using Polly;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// The Redis side of the cache. Every call runs through the shared Polly pipeline and never throws
/// for a Redis problem: a failed, timed-out or refused call (breaker open) answers "not answered"
/// and the caller reads the database. Only the caller's own cancellation propagates.
/// </summary>
internal sealed partial class RedisRatingCache(
    IConnectionMultiplexer multiplexer,
    ResiliencePipeline pipeline,
    RedisKeys keys,
    TimeSpan ratingTtl,
    TimeSpan pointerTtl,
    ILogger logger,
    DependencyHealth dependencies)
{
    // Moves a pointer forward only, so a reader holding an older answer can never overwrite a newer one.
    // KEYS[1] is the trusted copy (expires), KEYS[2] the last known copy (kept until replaced).
    private const string MaxWriteScript = """
        local moved = 0
        for i, key in ipairs(KEYS) do
          local older = true
          local current = redis.call('GET', key)
          if current then
            local y, v = string.match(current, '^(%d+):(%d+)$')
            if y then
              y = tonumber(y)
              v = tonumber(v)
              local ny = tonumber(ARGV[1])
              local nv = tonumber(ARGV[2])
              if y > ny or (y == ny and v >= nv) then
                older = false
              end
            end
          end
          if i == 1 then
            if older then
              redis.call('SET', key, ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
              moved = 1
            end
          elseif older then
            redis.call('SET', key, ARGV[1] .. ':' .. ARGV[2])
          end
        end
        return moved
        """;

    private readonly IDatabase database = multiplexer.GetDatabase();
    private RatingGetCoalescer? coalescer;

    public RedisKeys Keys => keys;

    public ISubscriber Subscriber => multiplexer.GetSubscriber();

    public async ValueTask<(bool Answered, PublicationPointer? Pointer)> TryGetPointerAsync(PointerKey key, CancellationToken cancellationToken)
    {
        var (answered, value) = await RunAsync("GET pointer", static (db, k) => db.StringGetAsync(k), keys.Pointer(key), cancellationToken).ConfigureAwait(false);
        return answered && PublicationPointer.TryDecode(value, out var pointer) ? (true, pointer) : (answered, null);
    }

    /// <summary>The last known pointer (never expires); null when Redis did not answer or holds none.</summary>
    public async ValueTask<PublicationPointer?> TryGetLastPointerAsync(PointerKey key, CancellationToken cancellationToken)
    {
        var (answered, value) = await RunAsync("GET last pointer", static (db, k) => db.StringGetAsync(k), keys.LastPointer(key), cancellationToken).ConfigureAwait(false);
        return answered && PublicationPointer.TryDecode(value, out var pointer) ? pointer : null;
    }

    public async ValueTask<bool> TrySetPointerAsync(PointerKey key, PublicationPointer pointer, CancellationToken cancellationToken)
    {
        RedisValue[] arguments = [pointer.Year, pointer.Version, (long)pointerTtl.TotalMilliseconds];
        var (answered, _) = await RunAsync(
            "SET pointer",
            static (db, state) => db.ScriptEvaluateAsync(MaxWriteScript, [state.Key, state.LastKey], state.Arguments),
            (Key: keys.Pointer(key), LastKey: keys.LastPointer(key), Arguments: arguments),
            cancellationToken).ConfigureAwait(false);
        return answered;
    }

    /// <summary>Stops the read coalescer (the multiplexer is disposed by its owner).</summary>
    public void Complete() => Volatile.Read(ref coalescer)?.Complete();

    /// <summary>One rating; concurrent calls share one MGET (see <see cref="RatingGetCoalescer"/>).</summary>
    public Task<RedisValue?> TryGetRatingAsync(RatingKey key)
    {
        // Built on first use: a server without Redis reads never starts the loop.
        var shared = Volatile.Read(ref coalescer);
        if (shared is null)
        {
            var created = new RatingGetCoalescer(redisKeys => FetchAsync(redisKeys));
            shared = Interlocked.CompareExchange(ref coalescer, created, null) ?? created;
            if (!ReferenceEquals(shared, created))
            {
                created.Complete();
            }
        }

        return shared.GetAsync(keys.Rating(key));
    }

    private async ValueTask<RedisValue[]?> FetchAsync(RedisKey[] redisKeys)
    {
        // The batch serves many callers, so no one caller's token may cancel it; Polly's timeout bounds it.
        var (answered, values) = await RunAsync("MGET ratings", static (db, k) => db.StringGetAsync(k), redisKeys, CancellationToken.None).ConfigureAwait(false);
        return answered ? values : null;
    }

    /// <summary>One MGET for the whole batch; null when Redis did not answer.</summary>
    public async ValueTask<RedisValue[]?> TryGetRatingsAsync(IReadOnlyList<RatingKey> ratingKeys, CancellationToken cancellationToken)
    {
        var redisKeys = new RedisKey[ratingKeys.Count];
        for (var i = 0; i < redisKeys.Length; i++)
        {
            redisKeys[i] = keys.Rating(ratingKeys[i]);
        }

        var (answered, values) = await RunAsync("MGET ratings", static (db, k) => db.StringGetAsync(k), redisKeys, cancellationToken).ConfigureAwait(false);
        return answered ? values : null;
    }

    /// <summary>Pipelined SETs with the rating TTL (MSET cannot expire keys on Redis 7).</summary>
    public async ValueTask<bool> TrySetRatingsAsync(IReadOnlyList<KeyValuePair<RatingKey, RedisValue>> entries, CancellationToken cancellationToken)
    {
        var writes = new KeyValuePair<RedisKey, RedisValue>[entries.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = new(keys.Rating(entries[i].Key), entries[i].Value);
        }

        var (answered, _) = await RunAsync(
            "SET ratings",
            static (db, state) =>
            {
                var sets = new Task[state.Writes.Length];
                for (var i = 0; i < sets.Length; i++)
                {
                    sets[i] = db.StringSetAsync(state.Writes[i].Key, state.Writes[i].Value, state.Ttl, When.Always);
                }

                return Task.WhenAll(sets).ContinueWith(static _ => true, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            },
            (Writes: writes, Ttl: ratingTtl),
            cancellationToken).ConfigureAwait(false);
        return answered;
    }

    public async ValueTask<bool> TryPublishAsync(string message, CancellationToken cancellationToken)
    {
        var (answered, _) = await RunAsync(
            "PUBLISH",
            static (db, state) => state.Subscriber.PublishAsync(state.Channel, state.Message),
            (Subscriber: multiplexer.GetSubscriber(), Channel: keys.Channel, Message: message),
            cancellationToken).ConfigureAwait(false);
        return answered;
    }

    private async ValueTask<(bool Answered, TResult Value)> RunAsync<TState, TResult>(
        string operation,
        Func<IDatabase, TState, Task<TResult>> command,
        TState state,
        CancellationToken cancellationToken)
    {
        try
        {
            var value = await pipeline.ExecuteAsync(
                static async (s, token) =>
                    // The client takes no token: WaitAsync lets Polly's timeout (and the caller) stop the wait.
                    await s.Command(s.Database, s.State).WaitAsync(token).ConfigureAwait(false),
                (Database: database, Command: command, State: state),
                cancellationToken).ConfigureAwait(false);
            dependencies.Succeeded(DependencyHealth.Redis);
            return (true, value);
        }
#pragma warning disable CA1031 // Any failure of the cache must fall back to the database, never fail the request.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            CacheLog.Fallback(logger, operation, LogValues.Cut(exception.Message));
            dependencies.Failed(DependencyHealth.Redis, exception);
            return (false, default!);
        }
    }
}
