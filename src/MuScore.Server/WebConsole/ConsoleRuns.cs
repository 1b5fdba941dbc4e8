using MuScore.Core.Rating;
using MuScore.Server.Security;
using MuScore.Store;

namespace MuScore.Server.WebConsole;

/// <summary>
/// A run as the console shows it: its metadata and every stored rating, draft or published. Read
/// in-process from the store (the API serves published ratings only, and a draft must be seen
/// before it is put on notice), after the same checks as GetRun: the page's scope
/// (<see cref="ConsoleAccess"/>) and the run's region against the caller's prefixes.
/// </summary>
internal sealed class ConsoleRuns(IRatingStore store)
{
    /// <summary>The run, or null when it does not exist; <see cref="RegionRefusedException"/> when the caller may not act on its region.</summary>
    public async Task<RunInfo?> GetAsync(Caller caller, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(runId) || runId.Length > 128)
        {
            return null;
        }

        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is not null && !caller.MayActOn(run.Region))
        {
            throw new RegionRefusedException(run.Region);
        }

        return run;
    }

    /// <summary>Every stored rating of the run (rated, excluded), in the store's order.</summary>
    public async Task<IReadOnlyList<StoredRating>> RatingsAsync(RunInfo run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);

        // Ratings are stored per run; a publication names its run, so a draft reads the same way.
        var asRun = new Publication(run.Region, run.Year, 0, run.RunId, run.CreatedAt);
        var ratings = new List<StoredRating>(run.RecordCount);
        await foreach (var rating in store.ListRatingsAsync(asRun, new RatingFilter([], [], []), cancellationToken).ConfigureAwait(false))
        {
            ratings.Add(rating);
        }

        return ratings;
    }

    /// <summary>Runs of the caller's regions, newest first (one page).</summary>
    public async Task<IReadOnlyList<RunInfo>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var page = await store.ListRunsAsync(new RunQuery(null, null, 50, null, caller.AllRegions ? null : caller.Regions), cancellationToken).ConfigureAwait(false);
        return page.Runs;
    }

    /// <summary>The class a rating shows: its class when rated, "—" otherwise.</summary>
    public static string ClassOf(StoredRating rating) =>
        rating.Rating is { } r ? r.Class.ToString() : "—";
}

/// <summary>The caller may not act on the run's region.</summary>
internal sealed class RegionRefusedException(string region) : Exception($"region {region} is outside the caller's prefixes")
{
    public string Region { get; } = region;
}
