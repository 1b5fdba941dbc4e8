using MuScore.Server.Reading;

namespace MuScore.Server.Tests.Caching.Support;

/// <summary>The database reader with a call counter: shows which reads the cache answered without it.</summary>
internal sealed class CountingPublishedRatings(IPublishedRatings database) : IPublishedRatings
{
    private int calls;
    private int codes;

    /// <summary>Reads that reached the database.</summary>
    public int Calls => Volatile.Read(ref calls);

    /// <summary>Credit codes asked of the database, over all reads.</summary>
    public int Codes => Volatile.Read(ref codes);

    public ValueTask<RatingLookup> GetAsync(string region, string creditCode, int? year, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        Interlocked.Increment(ref codes);
        return database.GetAsync(region, creditCode, year, cancellationToken);
    }

    public ValueTask<IReadOnlyList<RatingLookup>> GetManyAsync(string region, IReadOnlyList<string> creditCodes, int? year, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        Interlocked.Add(ref codes, creditCodes.Count);
        return database.GetManyAsync(region, creditCodes, year, cancellationToken);
    }

    public ValueTask PublishedAsync(string region, int year, CancellationToken cancellationToken) =>
        database.PublishedAsync(region, year, cancellationToken);
}
