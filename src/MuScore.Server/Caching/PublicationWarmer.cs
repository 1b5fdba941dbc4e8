using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;
using MuScore.Server.Mapping;
using MuScore.Server.Reading;
using MuScore.Store;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// Loads a publication's ratings before they are asked for. One pass streams the publication from
/// the store in its order (pool, rank), one row at a time, and
/// <list type="bullet">
/// <item>on the publishing instance writes every rating to Redis, pipelined in batches of
/// <see cref="BatchSize"/> with one batch in flight (each tried up to three times), so memory stays two batches whatever the size;</item>
/// <item>on every instance puts the first <see cref="Budget"/> ratings into the in-process cache
/// (a share of its size bound, so a publication bigger than that never pushes out the working
/// set: the rest is in Redis and comes on first read), then stores the pointer so a first read
/// needs no I/O at all.</item>
/// </list>
/// Passes run one at a time on <see cref="PublicationWarmService"/>: no request waits on them.
/// </summary>
internal sealed class PublicationWarmer(
    ClockCache<RatingKey, RatingLookup> local,
    LocalPointers pointers,
    RedisRatingCache? redis,
    RunStamps stamps,
    int budget,
    bool warmOnPublish,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Ratings per pipelined write: large enough to amortise the round trip, small enough for the Redis command timeout.</summary>
    public const int BatchSize = 200;

    // A batch that timed out on a busy machine is sent again before the writing gives up.
    private const int Attempts = 3;

    // Per batch; background work, so far above the 250 ms a request may wait for Redis.
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);

    private static readonly RatingFilter Everything = new([], [], []);

    private readonly Channel<WarmJob> queue = Channel.CreateUnbounded<WarmJob>(new UnboundedChannelOptions { SingleReader = true });

    // Touched by the one warming loop only. A publication already warmed is not warmed again (the
    // publisher hears its own invalidation message); a few entries per region and year.
    private readonly Dictionary<(string Region, int Year), Warmed> done = [];

    /// <summary>Most ratings one pass puts into the in-process cache (0 when that cache is off).</summary>
    public int Budget => budget;

    /// <summary>Ratings in the in-process cache now.</summary>
    public int Cached => local.Count;

    public ChannelReader<WarmJob> Jobs => queue.Reader;

    /// <summary>Asks for a pass over the newest publication of a region and year; returns at once.</summary>
    public void Enqueue(string region, int year, bool writeRedis)
    {
        if (warmOnPublish)
        {
            queue.Writer.TryWrite(new WarmJob(region, year, writeRedis && redis is not null));
        }
    }

    /// <summary>
    /// One pass; returns how many ratings it put into the in-process cache (at most
    /// <paramref name="limit"/>). Store and Redis failures end the pass with a warning: the ratings
    /// then come on first read. Only cancellation is thrown.
    /// </summary>
    public async Task<int> WarmAsync(IRatingStore store, WarmJob job, int limit, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var generation = pointers.Generation;
        try
        {
            var publication = await store.GetLatestPublicationAsync(job.Region, job.Year, cancellationToken).ConfigureAwait(false);
            if (publication is null)
            {
                return 0;
            }

            var pointer = new PublicationPointer(publication.Year, publication.Version);
            var id = (job.Region, publication.Year);
            var previous = done.TryGetValue(id, out var found) && found.Version == publication.Version ? found : default;
            var pass = new Pass(limit: previous.Local ? 0 : Math.Min(limit, budget), write: job.WriteRedis && !previous.Redis);
            if (pass.Limit > 0 || pass.Write)
            {
                await StreamAsync(store, publication, pointer, pass, cancellationToken).ConfigureAwait(false);
                CacheLog.Warmed(logger, job.Region, publication.Year, publication.Version, pass.Loaded, pass.Written, time.GetElapsedTime(started));
            }

            done[id] = new Warmed(publication.Version, previous.Local || pass.Limit > 0, previous.Redis || pass.Write);
            pointers.TrySet(new PointerKey(job.Region, publication.Year), pointer, generation);
            if (job.Year is null)
            {
                pointers.TrySet(new PointerKey(job.Region, 0), pointer, generation);
            }

            return pass.Loaded;
        }
#pragma warning disable CA1031 // Warming is an optimisation: any failure leaves the ratings to the read path.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            CacheLog.WarmFailed(logger, job.Region, job.Year ?? 0, LogValues.Cut(exception.Message));
            return 0;
        }
    }

    private async Task StreamAsync(IRatingStore store, Publication publication, PublicationPointer pointer, Pass pass, CancellationToken cancellationToken)
    {
        var stamp = await stamps.GetAsync(publication.RunId, cancellationToken).ConfigureAwait(false);
        var batch = new List<KeyValuePair<RatingKey, RedisValue>>(BatchSize);
        Task<bool>? inFlight = null;
        var inFlightCount = 0;
        await foreach (var stored in store.ListRatingsAsync(publication, Everything, cancellationToken).ConfigureAwait(false))
        {
            if (!pass.Write && pass.Loaded >= pass.Limit)
            {
                break; // Disposing the enumerator ends the query: rows past the budget are never read.
            }

            var key = RatingKey.For(publication.Region, pointer, stored.CreditCode);
            var lookup = RatingLookup.Found(RatingMapper.ToProto(stored, publication, stamp));
            if (pass.Loaded < pass.Limit)
            {
                local.Set(key, lookup);
                pass.Loaded++;
            }

            if (!pass.Write)
            {
                continue;
            }

            batch.Add(new(key, RatingCodec.Encode(lookup)));
            if (batch.Count == BatchSize)
            {
                // One batch in flight while the next is read: the store and Redis work at once.
                pass.Write = await SettleAsync(inFlight, inFlightCount, pass).ConfigureAwait(false);
                inFlight = pass.Write ? WriteAsync(batch, cancellationToken) : null;
                inFlightCount = batch.Count;
                batch = new List<KeyValuePair<RatingKey, RedisValue>>(BatchSize);
            }
        }

        if (pass.Write && await SettleAsync(inFlight, inFlightCount, pass).ConfigureAwait(false) && batch.Count > 0)
        {
            await SettleAsync(WriteAsync(batch, cancellationToken), batch.Count, pass).ConfigureAwait(false);
        }

        if (pass.Write && pass.Written > 0)
        {
            // Only now: a starting instance that finds the region warms a publication Redis holds whole.
            await redis!.TryAddPublishedRegionAsync(publication.Region, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> WriteAsync(List<KeyValuePair<RatingKey, RedisValue>> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await redis!.TryWriteWarmBatchAsync(batch, WriteTimeout, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Waits for the batch in flight; false (stop writing) when Redis did not take it.</summary>
    private static async Task<bool> SettleAsync(Task<bool>? inFlight, int count, Pass pass)
    {
        if (inFlight is null)
        {
            return true;
        }

        if (!await inFlight.ConfigureAwait(false))
        {
            return false;
        }

        pass.Written += count;
        return true;
    }

    private sealed class Pass(int limit, bool write)
    {
        public int Limit { get; } = limit;

        public bool Write { get; set; } = write;

        public int Loaded { get; set; }

        public int Written { get; set; }
    }

    private readonly record struct Warmed(int Version, bool Local, bool Redis);
}

/// <summary>A warming request: the newest publication of a region and year (null: its latest year).</summary>
internal sealed record WarmJob(string Region, int? Year, bool WriteRedis)
{
    /// <summary>The year of an invalidation message ("region:year"); null when it names none.</summary>
    public static int? YearOf(string? message)
    {
        var colon = message?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(message.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
    }
}
