using MuScore.Server.Reading;

namespace MuScore.Server.Policies;

/// <summary>
/// Whether any rating one policy call read came through an unconfirmed pointer (the database was
/// down), so that its answer is marked possibly stale like GetRating's. One per call; the reads of
/// a call run one after another, so no locking.
/// </summary>
internal sealed class StaleReads
{
    public bool Any { get; private set; }

    public void Note(RatingLookup lookup)
    {
        if (lookup.PossiblyStale)
        {
            Any = true;
        }
    }
}
