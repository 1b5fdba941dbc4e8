using System.Globalization;
using Grpc.Core;
using MuScore.Cli.Tests.Publishing;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Cli.Tests.Querying;

/// <summary>
/// A real server that checks tokens, with the shipped sample published as the README does (Linhai
/// 331082, 2024) and the same rows published again as Haining 330481, 2025, where a tariff policy
/// is in force. The tests of a class only read it.
/// </summary>
public sealed class QueryServer : IAsyncLifetime, IDisposable
{
    private readonly TestTokens tokens = new();
    private readonly string haining = Path.Combine(Path.GetTempPath(), $"muscore-haining-{Guid.NewGuid():N}.csv");

    public ServerInstance Server { get; private set; } = null!;

    /// <summary>Every scope these commands need, for the province: the land bureau's and the grid's at once.</summary>
    public string Office { get; private set; } = null!;

    /// <summary>ratings:read only: the server leaves the figures out.</summary>
    public string Reader { get; private set; } = null!;

    /// <summary>The sample's run id as publish printed it.</summary>
    public string SampleRunId { get; private set; } = null!;

    /// <summary>An enterprise of the sample rated B (so it has a gap to A).</summary>
    public Rating RatedB { get; private set; } = null!;

    /// <summary>A Haining enterprise rated D in 2025: the tariff applies to it.</summary>
    public Rating HainingD { get; private set; } = null!;

    /// <summary>A billing date on which the Haining publication is in force: today in China, or later.</summary>
    public static string BillingDate => DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Server = await ServerInstance.StartAsync(new ServerSettings
        {
            Tokens = tokens,
            Configuration = new Dictionary<string, string?> { ["MuScore:Auth:AllowSelfPublish"] = "true" },
        });
        Office = tokens.Issue("office-zhang", "runs:submit runs:publish ratings:read ratings:figures policy:quote", ["33"]);
        Reader = tokens.Issue("grid-billing", "ratings:read", ["33"]);
        var sample = (await Publisher.RunAsync(Server.Address, Publisher.SampleCounty, "--token", Office)).Expect(ExitCodes.Success);
        SampleRunId = Publisher.RunId(sample);

        // The same enterprises as if Haining had filed them: only the region column changes.
        var lines = await File.ReadAllLinesAsync(Publisher.SampleCounty);
        await File.WriteAllLinesAsync(haining, lines.Select((l, i) => i == 0 ? l : l.Replace(",331082,", ",330481,", StringComparison.Ordinal)));
        (await Publisher.RunAsync(Server.Address, haining, "--token", Office, "--region", "330481", "--year", "2025")).Expect(ExitCodes.Success);

        RatedB = await FirstAsync("331082", 2024, RatingClass.B);
        HainingD = await FirstAsync("330481", 2025, RatingClass.D);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(haining);
    }

    public void Dispose() => tokens.Dispose();

    /// <summary>A token signed by a key the server does not trust.</summary>
    public string Stranger() => tokens.Issue("mallory", "ratings:read policy:quote", ["33"], TestTokens.Signer.Stranger);

    /// <summary>Runs the command line off the test thread (the commands block on their gRPC calls).</summary>
    internal static Task<CliRun> RunAsync(params string[] args) => Task.Run(() => CliRun.Of(args));

    private async Task<Rating> FirstAsync(string region, int year, RatingClass ratingClass)
    {
        using var channel = Server.ChannelAs(Office);
        using var stream = new RatingService.RatingServiceClient(channel).ListRatings(new ListRatingsRequest { Region = region, Year = year, Classes = { ratingClass } });
        await foreach (var rating in stream.ResponseStream.ReadAllAsync())
        {
            if (rating.Status == RatingStatus.Rated && rating.OverrideKind == OverrideKind.None)
            {
                return rating;
            }
        }

        throw new InvalidOperationException($"no enterprise of {region} {year} is rated {ratingClass}");
    }
}
