using System.Diagnostics;
using MuScore.Server.Reading;

namespace MuScore.Server.Tests.Caching.Support;

/// <summary>Polling with a deadline, for what must happen "within" some time.</summary>
internal static class Eventually
{
    /// <summary>Reads until the rating has the expected version; false if the deadline passes first.</summary>
    public static async Task<bool> VersionAsync(IPublishedRatings ratings, string region, string code, int? year, int expected, TimeSpan deadline) =>
        await TrueAsync(async () => (await ratings.GetAsync(region, code, year, CancellationToken.None)).Rating?.Version == expected, deadline);

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        do
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(10);
        }
        while (watch.Elapsed < deadline);

        return false;
    }
}
