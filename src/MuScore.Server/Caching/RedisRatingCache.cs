using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;
using Polly;
using Polly.Timeout;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// The Redis side of the cache. Every call runs through the shared Polly pipeline and never throws
/// for a Redis problem: a failed, timed-out or refused call (breaker open) answers "not answered"
/// and the caller reads the database. Only the caller's own cancellation propagates. Reads and
/// write-backs go through the shared <see cref="RedisGate"/> and a read waits at most what is left of
/// its request's <see cref="RedisBudget"/>; write-backs are never awaited by a request. The writes of
/// a publish skip the gate: a publish should tell Redis whenever Redis answers.
/// </summary>
internal sealed partial class RedisRatingCache
{
    // Moves a pointer forward only, so a reader holding an older answer can never overwrite a newer one.
    // KEYS[1] is the trusted copy (expires), KEYS[2] the last known copy (kept until replaced); they
    // share a hash tag (RedisKeys), so on a cluster the script's keys are in one slot.
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

    private readonly IConnectionMultiplexer multiplexer;
    private readonly ResiliencePipeline pipeline;
    private readonly RedisKeys keys;
    private readonly TimeSpan ratingTtl;
    private readonly TimeSpan pointerTtl;
    private readonly TimeSpan commandTimeout;
    private readonly ILogger logger;
    private readonly DependencyHealth dependencies;
    private readonly IDatabase database;
    private RatingGetCoalescer? coalescer;
    private long callsInFlight;

    public RedisRatingCache(
        IConnectionMultiplexer multiplexer,
        ResiliencePipeline pipeline,
        RedisKeys keys,
        TimeSpan ratingTtl,
        TimeSpan pointerTtl,
        TimeSpan commandTimeout,
        TimeSpan gateBreakDuration,
        ILogger logger,
        DependencyHealth dependencies)
    {
        this.multiplexer = multiplexer;
        this.pipeline = pipeline;
        this.keys = keys;
        this.ratingTtl = ratingTtl;
        this.pointerTtl = pointerTtl;
        this.commandTimeout = commandTimeout;
        this.logger = logger;
        this.dependencies = dependencies;
        database = multiplexer.GetDatabase();
        Gate = new RedisGate(gateBreakDuration, ProbeAsync);
    }

    public RedisKeys Keys => keys;

    /// <summary>The shared fast-fail gate (its counters let tests and drills see what an outage cost).</summary>
    public RedisGate Gate { get; }

    public ISubscriber Subscriber => multiplexer.GetSubscriber();

    /// <summary>Redis calls started and not yet ended (trials excluded), so tests can wait for an outage's calls to settle.</summary>
    public long CallsInFlight => Interlocked.Read(ref callsInFlight);

    /// <summary>A request's Redis time: one command timeout for all its calls together.</summary>
    public RedisBudget NewBudget() => new(commandTimeout);

    public async ValueTask<(bool Answered, PublicationPointer? Pointer)> TryGetPointerAsync(PointerKey key, RedisBudget budget, CancellationToken cancellationToken)
    {
        var (answered, value) = await RunAsync("GET pointer", static (db, k) => db.StringGetAsync(k), keys.Pointer(key), budget, gated: true, cancellationToken).ConfigureAwait(false);
        return answered && PublicationPointer.TryDecode(value, out var pointer) ? (true, pointer) : (answered, null);
    }

    /// <summary>The last known pointer (never expires); null when Redis did not answer or holds none.</summary>
    public async ValueTask<PublicationPointer?> TryGetLastPointerAsync(PointerKey key, RedisBudget budget, CancellationToken cancellationToken)
    {
        var (answered, value) = await RunAsync("GET last pointer", static (db, k) => db.StringGetAsync(k), keys.LastPointer(key), budget, gated: true, cancellationToken).ConfigureAwait(false);
        return answered && PublicationPointer.TryDecode(value, out var pointer) ? pointer : null;
    }

    /// <summary>A publish moves the pointer copies forward (not gated: see the class remarks).</summary>
    public async ValueTask<bool> TrySetPointerAsync(PointerKey key, PublicationPointer pointer, CancellationToken cancellationToken)
    {
        var (answered, _) = await SetPointerAsync(key, pointer, gated: false, cancellationToken).ConfigureAwait(false);
        return answered;
    }

    /// <summary>Moves the Redis copy forward to what the database answered, in the background.</summary>
    public void WriteBackPointer(PointerKey key, PublicationPointer pointer) =>
        _ = SetPointerAsync(key, pointer, gated: true, CancellationToken.None).AsTask();

    /// <summary>Stops the read coalescer (the multiplexer is disposed by its owner).</summary>
    public void Complete() => Volatile.Read(ref coalescer)?.Complete();

    /// <summary>
    /// One rating; concurrent calls share one MGET (see <see cref="RatingGetCoalescer"/>). Not
    /// cancelled per caller: the shared read is bounded by the pipeline's timeout, and this caller's
    /// wait by its budget (a batch stalled ahead of it could otherwise add a second timeout).
    /// </summary>
    public async ValueTask<RedisValue?> TryGetRatingAsync(RatingKey key, RedisBudget budget)
    {
        if (budget.Spent || !Gate.TryEnter())
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return await Coalescer().GetAsync(keys.Rating(key)).WaitAsync(budget.Remaining).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            budget.Spend(started);
        }
    }

    /// <summary>One MGET for the whole batch; null when Redis did not answer.</summary>
    public async ValueTask<RedisValue[]?> TryGetRatingsAsync(IReadOnlyList<RatingKey> ratingKeys, RedisBudget budget, CancellationToken cancellationToken)
    {
        var redisKeys = new RedisKey[ratingKeys.Count];
        for (var i = 0; i < redisKeys.Length; i++)
        {
            redisKeys[i] = keys.Rating(ratingKeys[i]);
        }

        var (answered, values) = await RunAsync("MGET ratings", static (db, k) => db.StringGetAsync(k), redisKeys, budget, gated: true, cancellationToken).ConfigureAwait(false);
        return answered ? values : null;
    }

    /// <summary>Caches what the database answered, in the background: pipelined SETs with the rating TTL (MSET cannot expire keys on Redis 7).</summary>
    public void WriteBackRatings(IReadOnlyList<KeyValuePair<RatingKey, RedisValue>> entries)
    {
        var writes = new KeyValuePair<RedisKey, RedisValue>[entries.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = new(keys.Rating(entries[i].Key), entries[i].Value);
        }

        _ = RunAsync(
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
            budget: null,
            gated: true,
            CancellationToken.None).AsTask();
    }

    /// <summary>Tells other instances about a publish (not gated: see the class remarks).</summary>
    public async ValueTask<bool> TryPublishAsync(string message, CancellationToken cancellationToken)
    {
        var (answered, _) = await RunAsync(
            "PUBLISH",
            static (db, state) => state.Subscriber.PublishAsync(state.Channel, state.Message),
            (Subscriber: multiplexer.GetSubscriber(), Channel: keys.Channel, Message: message),
            budget: null,
            gated: false,
            cancellationToken).ConfigureAwait(false);
        return answered;
    }

    private RatingGetCoalescer Coalescer()
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

        return shared;
    }

    private async ValueTask<RedisValue[]?> FetchAsync(RedisKey[] redisKeys)
    {
        // The batch serves many callers, so no one caller's token or budget may cut it; Polly's timeout bounds it.
        // It mixes publications, so on a cluster it is split by slot.
        var (answered, values) = await RunAsync("MGET ratings", static (db, k) => SlotGroupedGet.GetAsync(db, k), redisKeys, budget: null, gated: true, CancellationToken.None).ConfigureAwait(false);
        return answered ? values : null;
    }

    private ValueTask<(bool Answered, RedisResult Value)> SetPointerAsync(PointerKey key, PublicationPointer pointer, bool gated, CancellationToken cancellationToken)
    {
        RedisValue[] arguments = [pointer.Year, pointer.Version, (long)pointerTtl.TotalMilliseconds];
        return RunAsync(
            "SET pointer",
            static (db, state) => db.ScriptEvaluateAsync(MaxWriteScript, [state.Key, state.LastKey], state.Arguments),
            (Key: keys.Pointer(key), LastKey: keys.LastPointer(key), Arguments: arguments),
            budget: null,
            gated,
            cancellationToken);
    }

    /// <summary>The gate's background trial: one PING through the pipeline (so an open Polly breaker also keeps the gate shut).</summary>
    private async ValueTask<bool> ProbeAsync()
    {
        try
        {
            await pipeline.ExecuteAsync(
                static async (db, token) => await db.PingAsync().WaitAsync(token).ConfigureAwait(false),
                database,
                CancellationToken.None).ConfigureAwait(false);
            dependencies.Succeeded(DependencyHealth.Redis);
            return true;
        }
#pragma warning disable CA1031 // Any failure of the trial keeps the gate shut.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CacheLog.Fallback(logger, "PING (gate trial)", LogValues.Cut(exception.Message));
            return false;
        }
    }

    private async ValueTask<(bool Answered, TResult Value)> RunAsync<TState, TResult>(
        string operation,
        Func<IDatabase, TState, Task<TResult>> command,
        TState state,
        RedisBudget? budget,
        bool gated,
        CancellationToken cancellationToken)
    {
        // A spent budget: this request already waited one timeout's worth; a shut gate: Redis failed
        // moments ago. Either way skipping it costs nothing, trying it could cost a timeout.
        if (budget is { Spent: true } || (gated && !Gate.TryEnter()))
        {
            return (false, default!);
        }

        // After an earlier call of the request, what is left of its budget ends the wait, not Polly's full timeout.
        using var cut = budget is { Untouched: false } ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        cut?.CancelAfter(budget!.Remaining);
        var started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref callsInFlight);
        try
        {
            var value = await pipeline.ExecuteAsync(
                static async (s, token) =>
                    // The client takes no token: WaitAsync lets Polly's timeout (and the caller) stop the wait.
                    await s.Command(s.Database, s.State).WaitAsync(token).ConfigureAwait(false),
                (Database: database, Command: command, State: state),
                cut?.Token ?? cancellationToken).ConfigureAwait(false);
            Gate.Succeeded();
            dependencies.Succeeded(DependencyHealth.Redis);
            return (true, value);
        }
        catch (OperationCanceledException) when (cut is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            // The request's Redis time ran out on a call that was still within its own timeout: not a Redis failure.
            return (false, default!);
        }
#pragma warning disable CA1031 // Any failure of the cache must fall back to the database, never fail the request.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Gate.Failed(exception is TimeoutRejectedException);
            CacheLog.Fallback(logger, operation, LogValues.Cut(exception.Message));
            dependencies.Failed(DependencyHealth.Redis, exception);
            return (false, default!);
        }
        finally
        {
            budget?.Spend(started);
            Interlocked.Decrement(ref callsInFlight);
        }
    }
}
