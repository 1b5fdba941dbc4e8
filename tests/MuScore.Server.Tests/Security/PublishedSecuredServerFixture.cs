using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Policies;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// A <see cref="SecuredServerFixture"/> with publications to read, submitted and published over
/// the secured server by a token holding runs:submit and runs:publish: 200 sample enterprises of
/// <see cref="RatingsRegion"/> for <see cref="RatingsYear"/>, and Linhai's 2022 and 2023 with one
/// enterprise on each low-efficiency list (the linhai-2022 list rules cover those years).
/// </summary>
public sealed class PublishedSecuredServerFixture : IAsyncLifetime
{
    /// <summary>Hangzhou Shangcheng: the sample's region.</summary>
    public const string RatingsRegion = "330102";

    /// <summary>The sample's year.</summary>
    public const int RatingsYear = 2024;

    /// <summary>Linhai, whose lists are drawn.</summary>
    public const string ListsRegion = PolicyRuns.Linhai;

    /// <summary>The year whose lists are drawn (2022 is the year before).</summary>
    public const int ListsYear = 2023;

    public SecuredServerFixture Secured { get; } = new();

    public async Task InitializeAsync()
    {
        await Secured.InitializeAsync();
        using var channel = Secured.As("runs:submit runs:publish", "*");
        var client = new EvaluationService.EvaluationServiceClient(channel);
        await Runs.PublishAsync(client, Runs.Header(RatingsRegion, RatingsYear), Records.Sample(RatingsRegion, RatingsYear));
        await Runs.PublishAsync(client, Runs.Header(ListsRegion, ListsYear - 1), Linhai(ListsYear - 1));
        await Runs.PublishAsync(client, Runs.Header(ListsRegion, ListsYear), Linhai(ListsYear));
    }

    public Task DisposeAsync() => Secured.DisposeAsync();

    /// <summary>A Linhai credit code from a serial.</summary>
    public static string LinhaiCode(int serial) => Records.Code(serial, ListsRegion);

    /// <summary>30 enterprises at 30 万元/亩; 101 at 5 万元/亩 (LOW_TAX); 103 with 1 亿 revenue at 10 万元/亩 both years (LARGE_LOW_TAX).</summary>
    private static List<EnterpriseRecord> Linhai(int year)
    {
        var records = Enumerable.Range(1, 30).Select(i => Records.Enterprise(i, ListsRegion, 300m)).ToList();
        records.Add(Records.Enterprise(101, ListsRegion, 50m));
        var large = Records.Enterprise(103, ListsRegion, 100m);
        large.Revenue = 10000m.ToString(CultureInfo.InvariantCulture);
        large.Name = $"Large low-tax enterprise {year}";
        records.Add(large);
        return records;
    }
}
