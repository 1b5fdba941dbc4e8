using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Reading;
using MuScore.Server.Tests.Support;
using MuScore.Store;
using MuScore.TestSupport.Server;
using StorePublication = MuScore.Store.Publication;

namespace MuScore.Server.Tests.Policies;

/// <summary>Regions the presets cover, runs published on a chosen day, and the classes a publication gave.</summary>
internal static class PolicyRuns
{
    /// <summary>Linhai (临海), the only region of the linhai-2022 land and subsidy rules.</summary>
    public const string Linhai = "331082";

    private static int next = 379_000;

    /// <summary>A fresh Shandong region ("37…", covered by shandong-2022, outside Qingdao's 3702).</summary>
    public static string NextShandong() => Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);

    /// <summary>Today in China Standard Time: the day a run published now takes effect.</summary>
    public static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Submits a run through EvaluationService, then publishes it as of <paramref name="publishedAt"/>
    /// through the server's own store: PublishRun always stamps the current time, and the Linhai
    /// rules are only in force in 2022–2023.
    /// </summary>
    public static async Task<Run> PublishOnAsync(ServerInstance server, string region, int year, IEnumerable<EnterpriseRecord> records, DateTimeOffset publishedAt) =>
        (await PublishVersionOnAsync(server, region, year, records, publishedAt)).Run;

    /// <summary>
    /// As <see cref="PublishOnAsync"/>, also returning the publication (its version). Publishing the
    /// run that already is the newest version returns that publication unchanged, date included.
    /// Afterwards the server's caches are told, as the PublishRun handler tells them, so no instance
    /// keeps serving the version this one replaced.
    /// </summary>
    public static async Task<(Run Run, StorePublication Publication)> PublishVersionOnAsync(
        ServerInstance server, string region, int year, IEnumerable<EnterpriseRecord> records, DateTimeOffset publishedAt)
    {
        var run = await Runs.SubmitAsync(server.Evaluation, Runs.Header(region, year), records);
        var store = server.Services.GetRequiredService<IRatingStore>();
        var publication = (await store.PublishAsync(new PublishRequest(run.RunId, publishedAt, "policy-test", null), CancellationToken.None)).Publication;
        Assert.NotNull(publication);
        await server.Services.GetRequiredService<IPublishedRatings>().PublishedAsync(region, year, CancellationToken.None);
        return (run, publication);
    }

    /// <summary>The first credit code of the region and year's publication with <paramref name="ratingClass"/>.</summary>
    public static async Task<string> FirstOfClassAsync(ServerInstance server, string region, int year, RatingClass ratingClass)
    {
        using var call = server.Ratings.ListRatings(new ListRatingsRequest { Region = region, Year = year, Classes = { ratingClass } });
        await foreach (var rating in call.ResponseStream.ReadAllAsync())
        {
            return rating.CreditCode;
        }

        throw new InvalidOperationException($"the publication of {region} {year} has no class {ratingClass}");
    }
}
