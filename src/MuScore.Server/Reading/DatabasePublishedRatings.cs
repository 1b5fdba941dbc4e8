using MuScore.Server.Mapping;
using MuScore.Store;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Reading;

/// <summary>
/// Published ratings read straight from the store: the newest publication of the region and
/// year, then the ratings of its run. The cached implementation decorates this one.
/// </summary>
internal sealed class DatabasePublishedRatings(IRatingStore store, RunStamps stamps) : IPublishedRatings
{
    public async ValueTask<RatingLookup> GetAsync(string region, string creditCode, int? year, CancellationToken cancellationToken)
    {
        var publication = await store.GetLatestPublicationAsync(region, year, cancellationToken).ConfigureAwait(false);
        if (publication is null)
        {
            return RatingLookup.Missed(LookupMiss.NothingPublished);
        }

        var ratings = await store.GetRatingsAsync(publication, [creditCode], cancellationToken).ConfigureAwait(false);
        if (!ratings.TryGetValue(creditCode, out var stored))
        {
            return RatingLookup.Missed(LookupMiss.UnknownEnterprise);
        }

        var stamp = await stamps.GetAsync(publication.RunId, cancellationToken).ConfigureAwait(false);
        return RatingLookup.Found(RatingMapper.ToProto(stored, publication, stamp));
    }

    public async ValueTask<IReadOnlyList<RatingLookup>> GetManyAsync(string region, IReadOnlyList<string> creditCodes, int? year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creditCodes);
        var publication = await store.GetLatestPublicationAsync(region, year, cancellationToken).ConfigureAwait(false);
        if (publication is null)
        {
            return [.. creditCodes.Select(_ => RatingLookup.Missed(LookupMiss.NothingPublished))];
        }

        var distinct = creditCodes.Distinct(StringComparer.Ordinal).ToArray();
        var ratings = await store.GetRatingsAsync(publication, distinct, cancellationToken).ConfigureAwait(false);
        RunStamp? stamp = null;
        var mapped = new Dictionary<string, Proto.Rating>(ratings.Count, StringComparer.Ordinal);
        var lookups = new RatingLookup[creditCodes.Count];
        for (var i = 0; i < lookups.Length; i++)
        {
            var code = creditCodes[i];
            if (!ratings.TryGetValue(code, out var stored))
            {
                lookups[i] = RatingLookup.Missed(LookupMiss.UnknownEnterprise);
                continue;
            }

            if (!mapped.TryGetValue(code, out var rating))
            {
                stamp ??= await stamps.GetAsync(publication.RunId, cancellationToken).ConfigureAwait(false);
                mapped[code] = rating = RatingMapper.ToProto(stored, publication, stamp);
            }

            lookups[i] = RatingLookup.Found(rating);
        }

        return lookups;
    }

    // Nothing here can go stale: every read asks the store for the newest publication.
    public ValueTask PublishedAsync(string region, int year, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
