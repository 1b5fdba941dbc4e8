using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MuScore.Server.Caching;
using MuScore.Server.Reading;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace MuScore.Server.Tests.Caching;

/// <summary>The Redis pipeline as configuration: what AddMuScoreCaching registers, with the configured numbers.</summary>
public sealed class RedisResilienceTests
{
    [Fact]
    public void Options_Defaults_AreTheDocumentedNumbers()
    {
        var options = Resolve(new Dictionary<string, string?>()).GetRequiredService<IOptions<RedisResilienceOptions>>().Value;

        Assert.Equal(TimeSpan.FromMilliseconds(250), options.CommandTimeout);
        Assert.Equal(0.5, options.FailureRatio);
        Assert.Equal(TimeSpan.FromSeconds(5), options.SamplingDuration);
        Assert.Equal(10, options.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BreakDuration);
        Assert.Equal(TimeSpan.FromSeconds(1), options.GateBreakDuration);
    }

    [Fact]
    public void GateBreakDuration_FromConfiguration_IsBoundAndOutOfRangeFailsAtStart()
    {
        var options = Resolve(new Dictionary<string, string?> { ["MuScore:Redis:GateBreakDuration"] = "00:00:00.300" })
            .GetRequiredService<IOptions<RedisResilienceOptions>>().Value;
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.GateBreakDuration);

        var services = Resolve(new Dictionary<string, string?> { ["MuScore:Redis:GateBreakDuration"] = "00:00:00.010" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisResilienceOptions>>().Value);
        Assert.Contains("GateBreakDuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Breaker_FromConfiguration_CarriesTheConfiguredNumbers()
    {
        var options = Resolve(new Dictionary<string, string?>
        {
            ["MuScore:Redis:FailureRatio"] = "0.25",
            ["MuScore:Redis:SamplingDuration"] = "00:00:07",
            ["MuScore:Redis:MinimumThroughput"] = "4",
            ["MuScore:Redis:BreakDuration"] = "00:00:03",
            ["MuScore:Redis:CommandTimeout"] = "00:00:00.120",
        }).GetRequiredService<IOptions<RedisResilienceOptions>>().Value;

        var breaker = RedisResilience.Breaker(options, NullLogger.Instance);
        var timeout = RedisResilience.Timeout(options);

        Assert.Equal(0.25, breaker.FailureRatio);
        Assert.Equal(TimeSpan.FromSeconds(7), breaker.SamplingDuration);
        Assert.Equal(4, breaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(3), breaker.BreakDuration);
        Assert.Equal(TimeSpan.FromMilliseconds(120), timeout.Timeout);
    }

    [Fact]
    public async Task Pipeline_HangingCall_IsCutAtTheCommandTimeout()
    {
        var pipeline = Pipeline(new Dictionary<string, string?> { ["MuScore:Redis:CommandTimeout"] = "00:00:00.200" });

        // A call that would never end is cut by the pipeline's timeout (the test ends at all).
        await Assert.ThrowsAsync<TimeoutRejectedException>(async () =>
            await pipeline.ExecuteAsync(static async token => await Task.Delay(Timeout.Infinite, token), CancellationToken.None));
    }

    [Fact]
    public async Task Pipeline_FailuresReachingTheThroughput_OpenTheCircuitWithoutCallingRedis()
    {
        var pipeline = Pipeline(new Dictionary<string, string?> { ["MuScore:Redis:MinimumThroughput"] = "4" });
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
                await pipeline.ExecuteAsync(static _ => throw new InvalidOperationException("redis down"), CancellationToken.None));
        }

        var called = false;
        await Assert.ThrowsAsync<BrokenCircuitException>(async () =>
            await pipeline.ExecuteAsync(_ =>
            {
                called = true;
                return ValueTask.CompletedTask;
            }, CancellationToken.None));
        Assert.False(called);
    }

    [Fact]
    public async Task Pipeline_CallerCancellations_DoNotOpenTheCircuit()
    {
        var pipeline = Pipeline(new Dictionary<string, string?> { ["MuScore:Redis:MinimumThroughput"] = "2" });
        for (var i = 0; i < 5; i++)
        {
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
                await pipeline.ExecuteAsync(static async token => await Task.Delay(Timeout.Infinite, token), cancelled.Token));
        }

        Assert.Equal(42, await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(42), CancellationToken.None));
    }

    [Fact]
    public void Options_OutOfRange_FailValidationAtStart()
    {
        var services = Resolve(new Dictionary<string, string?> { ["MuScore:Redis:MinimumThroughput"] = "1" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisResilienceOptions>>().Value);
        Assert.Contains("MinimumThroughput", error.Message, StringComparison.Ordinal);
    }

    private static ResiliencePipeline Pipeline(Dictionary<string, string?> settings) =>
        Resolve(settings).GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(RedisResilience.PipelineName);

    private static ServiceProvider Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPublishedRatings, DatabasePublishedRatings>();
        services.AddMuScoreCaching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
