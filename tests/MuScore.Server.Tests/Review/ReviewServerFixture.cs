using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MuScore.Server.Options;
using MuScore.Server.Review;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Store.Audit;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Review;

/// <summary>
/// A secured server where the review is required (PublishRun refused, records kept for
/// corrections), four eyes on, and a review calendar whose "today" the test sets: a notice
/// starts, runs and ends without waiting for days to pass. Tests keep apart by region.
/// </summary>
public sealed class ReviewServerFixture : IAsyncLifetime
{
    private ServerInstance? server;

    public TestPki Pki { get; } = new();

    public TestTokens Tokens { get; } = new();

    /// <summary>The date the review calendar calls today (China Standard Time).</summary>
    public ReviewToday Today { get; } = new();

    public ServerInstance Server => server ?? throw new InvalidOperationException("not started");

    public IAuditLog Log => Server.Services.GetRequiredService<IAuditLog>();

    /// <summary>A channel whose calls carry a fresh token of <paramref name="caller"/>; the caller disposes it.</summary>
    public GrpcChannel As(string caller, string scope, params string[] regions) => Server.ChannelAs(Tokens.Issue(caller, scope, regions));

    public async Task InitializeAsync()
    {
        var settings = AuditedServerFixture.Secured(Pki, Tokens, ("MuScore:Review:Required", "true")) with
        {
            // Only the review's calendar moves: tokens, caches and the audit log keep the real clock.
            Services = services => services.AddSingleton(sp => new ReviewCalendar(sp.GetRequiredService<IOptions<ReviewOptions>>(), Today)),
        };
        server = await ServerInstance.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Tokens.Dispose();
        Pki.Dispose();
    }
}

/// <summary>A clock that reads as noon (China Standard Time) of the date set.</summary>
public sealed class ReviewToday : TimeProvider
{
    private DateOnly date = new(2026, 3, 2);

    public DateOnly Date
    {
        get => date;
        set => date = value;
    }

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
